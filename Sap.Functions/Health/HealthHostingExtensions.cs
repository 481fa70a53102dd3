using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Sap.Domain.Data;
using Sap.Functions.Caching;
using Sap.Functions.Events;
using StackExchange.Redis;

namespace Sap.Functions.Health;

public static class HealthHostingExtensions
{
    public const string Database = "database";
    public const string Cache = "cache";
    public const string Queue = "queue";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// What /api/ready checks (Microsoft.Extensions.Diagnostics.HealthChecks): the database, required (unhealthy when
    /// down); Redis and the Storage queue when configured, whose absence only degrades the service (reads fall through
    /// to the database, events wait in the outbox). Each probe has 2 s.
    /// </summary>
    public static IHostApplicationBuilder AddSapHealthChecks(this IHostApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks();
        var database = DatabaseSettings.From(builder.Configuration);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            checks.AddNpgSql(database.ConnectionString, name: Database, failureStatus: HealthStatus.Unhealthy, timeout: Timeout);
        }
        else
        {
            checks.AddCheck<DatabaseHealthCheck>(Database, HealthStatus.Unhealthy, timeout: Timeout);
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(CacheHostingExtensions.RedisConnectionName)))
        {
            checks.AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), Cache, HealthStatus.Degraded, timeout: Timeout);
        }

        if (builder.Configuration[EventsOptions.StorageSetting] is { Length: > 0 } storage)
        {
            var queue = builder.Configuration[$"{EventsOptions.SectionName}:Queue"] is { Length: > 0 } named ? named : new EventsOptions().Queue;
            checks.Add(new HealthCheckRegistration(Queue, _ => new StorageQueueHealthCheck(storage, queue), HealthStatus.Degraded, null, Timeout));
        }

        builder.Services.AddSingleton<ReadinessChecks>();
        return builder;
    }
}
