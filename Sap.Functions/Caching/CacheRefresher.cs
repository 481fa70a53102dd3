using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sap.Functions.Caching;

/// <summary>
/// Runs the coalesced refresh rounds: what changed since the last round is invalidated and its hot reads are
/// recomputed, at most one round per <see cref="CacheOptions.RefreshIntervalMs"/>, so a burst of writes costs
/// one recomputation of the dashboard rather than one per write (ADR 8).
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
            var (tags, sources) = queue.Take();
            if (sources.Count == 0)
            {
                continue;
            }

            try
            {
                await cache.RefreshAsync(tags, stoppingToken);
                cache.Invalidated(sources);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache refresh round failed; the entries stay invalidated and are recomputed on their next read")]
    private static partial void LogRoundFailed(ILogger logger, Exception error);
}
