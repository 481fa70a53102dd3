using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sap.Functions.Caching;

/// <summary>
/// Runs the coalesced refresh rounds: what changed since the last round is invalidated and its hot reads are
/// recomputed, at most one round per <see cref="CacheOptions.RefreshIntervalMs"/>, so a burst of writes costs
/// one recomputation of the dashboard rather than one per write (ADR 8). Whoever queued tags learns when the round
/// has removed them from the shared cache, or that it could not (the queue function waits for that before its message
/// is deleted).
/// </summary>
internal sealed partial class CacheRefresher(RefreshQueue queue, ReadCache cache, CacheOptions options, TimeProvider clock, ILogger<CacheRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.RefreshIntervalMs);
        long? lastRound = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            await queue.WaitAsync(stoppingToken);
            if (lastRound is { } last && interval - clock.GetElapsedTime(last) is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }

            lastRound = clock.GetTimestamp();
            var round = queue.Take();
            if (round.Sources.Count == 0)
            {
                round.Removal();
                continue;
            }

            try
            {
                await RemoveWhenReachableAsync(round, stoppingToken);
                round.Removal();
                cache.Invalidated(round.Sources);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                round.Abandoned();
                throw;
            }
            catch (Exception e)
            {
                round.Failed(e);
                LogRoundFailed(logger, e);
            }
        }
    }

    /// <summary>
    /// While Redis is out of reach the round is tried again every <see cref="RetryPause"/> for up to
    /// <see cref="SharedCacheWait"/>: the events it stands for are acknowledged as soon as Redis is back, rather than a
    /// queue visibility timeout later; after that their invocations fail and the queue retries them.
    /// </summary>
    private async Task RemoveWhenReachableAsync(RefreshRound round, CancellationToken stoppingToken)
    {
        var started = clock.GetTimestamp();
        while (true)
        {
            try
            {
                await cache.RefreshAsync(round.Tags, stoppingToken, round.Removal);
                return;
            }
            catch (SharedCacheUnavailableException) when (clock.GetElapsedTime(started) + RetryPause < SharedCacheWait)
            {
                await Task.Delay(RetryPause, clock, stoppingToken);
            }
        }
    }

    internal static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);

    internal static readonly TimeSpan SharedCacheWait = TimeSpan.FromSeconds(5);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache refresh round failed; whoever asked for it is told (a queued event is retried)")]
    private static partial void LogRoundFailed(ILogger logger, Exception error);
}
