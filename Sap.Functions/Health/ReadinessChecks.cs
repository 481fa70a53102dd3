using System.Diagnostics;
using Azure.Storage.Queues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sap.Domain.Data;
using Sap.Functions.Events;
using StackExchange.Redis;

namespace Sap.Functions.Health;

/// <summary>
/// What /api/ready reports: the database is required; the cache (Redis) and the queue are reported, and their
/// absence only degrades the service (reads fall through to the database, events wait in the outbox).
/// </summary>
public sealed class ReadinessChecks(IServiceProvider services, IConfiguration configuration, EventsOptions events)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var database = Check(async ct =>
        {
            var contexts = services.GetRequiredService<IDbContextFactory<SapDbContext>>();
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct) ? null : "cannot connect";
        }, cancellationToken);
        var cache = Check(async ct =>
        {
            if (services.GetService<IConnectionMultiplexer>() is not { } redis)
            {
                return "skip";
            }

            await redis.GetDatabase().PingAsync().WaitAsync(ct);
            return null;
        }, cancellationToken);
        var queue = Check(async ct =>
        {
            if (configuration[EventsOptions.StorageSetting] is not { Length: > 0 } storage)
            {
                return "skip";
            }

            var client = StorageEventQueue.Create(storage, events.Queue, QueueMessageEncoding.Base64);
            try
            {
                await client.GetPropertiesAsync(ct);
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // The account answers; the queue itself is made by the first event published.
            }

            return null;
        }, cancellationToken);
        var results = await Task.WhenAll(database, cache, queue);
        return new ReadinessReport(results[0], results[1], results[2]);
    }

    private static async Task<ReadinessCheck> Check(Func<CancellationToken, Task<string?>> probe, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        string status;
        string? detail = null;
        try
        {
            var outcome = await probe(timeout.Token);
            status = outcome == "skip" ? "not_configured" : outcome is null ? "up" : "down";
            detail = outcome is null or "skip" ? null : outcome;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            status = "down";
            detail = e is OperationCanceledException ? "timed out" : e.GetType().Name;
        }

        return new ReadinessCheck(status, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), detail);
    }
}
