using Microsoft.EntityFrameworkCore;

namespace Sap.Domain.Data;

/// <summary>Hands out the provider's own context type as a <see cref="SapDbContext"/>, from the pooled factory.</summary>
internal sealed class SapDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<SapDbContext>
    where TContext : SapDbContext
{
    public SapDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<SapDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
