using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sap.Domain.Data;
using Sap.Domain.Outbox;
using Sap.Domain.Events;

namespace Sap.Functions.Events;

/// <summary>
/// Publishes committed outbox events to the queue, oldest first, stopping at the first failure so that later
/// events of the same aggregate never overtake it. Woken right after each commit, and sweeping on a timer for
/// what stayed behind (the queue was down, or the app died between commit and publish).
/// </summary>
public sealed partial class OutboxPublisher(
    IDbContextFactory<SapDbContext> contexts,
    DatabaseSettings database,
    IEventQueue queue,
    EventsOptions options,
    Observability.SapMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxPublisher> logger) : BackgroundService
{
    private const int BatchSize = 100;

    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim running = new(1, 1);
    private volatile bool again;

    /// <summary>Asks for a publish pass now (after a commit).</summary>
    public void Wake() => wake.Writer.TryWrite(true);

    /// <summary>Publishes everything unpublished. Concurrent calls fold into one pass plus one more.</summary>
    public async Task PublishPendingAsync(CancellationToken cancellationToken)
    {
        again = true;
        if (!await running.WaitAsync(0, cancellationToken))
        {
            return;
        }

        try
        {
            // One lease for as long as commits keep asking: taking it per pass cost a connection and two statements a write.
            await using var lease = await PublisherLease.TryAcquireAsync(database, cancellationToken);
            while (again && lease is not null)
            {
                again = false;
                if (!await PublishBatchesAsync(cancellationToken))
                {
                    return;
                }
            }
        }
        finally
        {
            running.Release();
        }
    }

    /// <summary>How many events wait to be published.</summary>
    public async Task<int> PendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.Outbox.CountAsync(o => o.PublicadoEm == null, cancellationToken);
        metrics.OutboxPending.Set(pending);
        return pending;
    }

    public override void Dispose()
    {
        running.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, e);
            }

            using var sweep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            sweep.CancelAfter(TimeSpan.FromSeconds(options.SweepSeconds));
            try
            {
                await wake.Reader.ReadAsync(sweep.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The sweep interval passed with no commit: sweep anyway.
            }
        }
    }

    /// <summary>
    /// False when a send failed: the rest waits for the next pass, in order. What was sent is marked in one statement per
    /// batch; if the process dies before it, those events are sent again, which their handling allows (idempotent).
    /// </summary>
    private async Task<bool> PublishBatchesAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var batch = await db.Outbox.Where(o => o.PublicadoEm == null).OrderBy(o => o.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return true;
            }

            var sent = new List<long>(batch.Count);
            OutboxMessage? failed = null;
            Exception? error = null;
            foreach (var message in batch)
            {
                // A span of the write's trace: the event carries the trace context of the request that made it.
                using var activity = Observability.SapTracing.StartPublish(EventJson.TryParse(message.Payload), options.Queue);
                try
                {
                    await queue.SendAsync(message.Payload, cancellationToken);
                    sent.Add(message.Id);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
                    (failed, error) = (message, e);
                    break;
                }
            }

            if (sent.Count > 0)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await db.Outbox.Where(o => sent.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.PublicadoEm, now), cancellationToken);
            }

            if (failed is not null)
            {
                failed.Tentativas++;
                failed.UltimoErro = error!.Message.Length > 500 ? error.Message[..500] : error.Message;
                await db.SaveChangesAsync(cancellationToken);
                LogPublishFailed(logger, failed.Tipo, failed.EventId, failed.Tentativas, error);
                return false;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish event {EventType} {EventId} (attempt {Attempt}); it stays in the outbox")]
    private static partial void LogPublishFailed(ILogger logger, string eventType, Guid eventId, int attempt, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception error);
}
