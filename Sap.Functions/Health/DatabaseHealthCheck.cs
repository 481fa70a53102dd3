using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sap.Domain.Data;

namespace Sap.Functions.Health;

/// <summary>The embedded SQLite file opens. (PostgreSQL is checked by AspNetCore.HealthChecks.NpgSql.)</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<SapDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("cannot connect");
    }
}
