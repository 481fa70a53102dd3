using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sap.Domain.Events;
using Sap.Functions.Http;
using Sap.Functions.Observability;
using ZiggyCreatures.Caching.Fusion;

namespace Sap.Functions.Caching;

/// <summary>
/// Cached reads: the response's JSON bytes under a normalized key, tagged with what it depends on. FusionCache
/// gives L1 + L2 (Redis) with a backplane, stampede protection (one computation per key per instance) and tag
/// invalidation; an entry's time is taken when its computation starts, so an invalidation that lands mid-fill
/// makes the fill stale on its next read rather than cached as fresh.
/// When data changes, the reads this instance served lately are recomputed right after the invalidation instead
/// of waiting for their next reader, who then finds them cached (ADR 8): at once for a cliente's own reads after
/// a write (the writer reads its write back), in coalesced rounds for the shared ones (dashboard, rankings,
/// apuração), so a burst of writes costs one recomputation each. While an entry is being recomputed, its
/// previous answer is served.
/// </summary>
public sealed partial class ReadCache(
    IFusionCache cache, CacheOptions options, CacheStats stats, IReadComputationHook hook, IInvalidationHook invalidationHook,
    SharedCacheState shared, SapMetrics metrics, HotEntries hot, RefreshQueue refreshes, ILogger<ReadCache> logger)
{
    // Local invalidations are numbered twice. When one starts: a computation that started before an invalidation of
    // one of its tags may have read the old rows, so it answers its caller but is not cached. When one has removed
    // its entries: an answer fetched before that may not stand in for the entry during a later refresh.
    private readonly ConcurrentDictionary<string, long> invalidatedAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> removedAt = new(StringComparer.Ordinal);
    private long invalidations;
    private long removals;

    public bool Enabled => options.Enabled;

    public CacheTtlOptions Ttl => options.Ttl;

    public async Task<(CachedResponse Response, bool Hit)> GetAsync(
        string endpoint, string key, IReadOnlyList<string> tags, int ttlSeconds, Func<CancellationToken, Task<object>> compute,
        CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return (Serialize(await compute(cancellationToken), compress: false), false);
        }

        var cacheKey = $"{endpoint}:{key}";
        if (hot.StandIn(cacheKey) is { } standIn)
        {
            stats.Read(endpoint, hit: true);
            metrics.CacheOperations.WithLabels("get", "stale").Inc();
            return (standIn, true);
        }

        var sequence = Interlocked.Read(ref removals);
        var (response, computed, overtaken) = await FetchAsync(cacheKey, key, tags, ttlSeconds, compute, cancellationToken);
        stats.Read(endpoint, hit: !computed);
        metrics.CacheOperations.WithLabels("get", computed ? "miss" : "hit").Inc();
        // An answer overtaken by an invalidation is never a stand-in for later readers.
        hot.Served(cacheKey, endpoint, key, tags, ttlSeconds, compute, overtaken ? null : new HotAnswer(response, sequence));
        return (response, !computed);
    }

    /// <summary>The cached answer of a read, computed on a miss. An exception (a 404, say) is answered and not cached.</summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> RespondAsync<T>(
        string endpoint, string key, IReadOnlyList<string> tags, int ttlSeconds, Func<CancellationToken, Task<T>> compute,
        CancellationToken cancellationToken)
        where T : class
    {
        var (response, hit) = await GetAsync(endpoint, key, tags, ttlSeconds, async ct => await compute(ct), cancellationToken);
        return new CachedJsonResult(response, hit);
    }

    /// <summary>
    /// After a write here: the writer's cliente reads are refreshed before the write answers; everything else the
    /// change touches in the next coalesced round. Every instance sees the invalidation through the backplane.
    /// </summary>
    public async Task InvalidateAfterWriteAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        await RefreshAsync([.. tags.Where(CacheTags.IsCliente)], cancellationToken);
        List<string> others = [.. tags.Where(t => !CacheTags.IsCliente(t))];
        if (others.Count > 0)
        {
            // The writer does not wait for the round: the queue function invalidates again, durably.
            _ = Later(others, "commit").ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        else
        {
            stats.Invalidated("commit");
        }
    }

    /// <summary>
    /// Invalidates in the next coalesced round; the source is counted when done. The task completes when the round
    /// has removed the tags from the shared cache, and fails if it could not: the queue function awaits it, so its
    /// message is deleted only once the invalidation is done.
    /// </summary>
    public Task Later(IReadOnlyCollection<string> tags, string source) =>
        tags.Count > 0 ? refreshes.Add(tags, source) : Task.CompletedTask;

    /// <summary>Makes every entry carrying any of the tags a miss, here and (through the backplane) on every instance, and refreshes the hot ones now.</summary>
    public async Task InvalidateAsync(IReadOnlyCollection<string> tags, string source, CancellationToken cancellationToken)
    {
        await RefreshAsync(tags, cancellationToken);
        stats.Invalidated(source);
    }

    /// <summary>Everything cached: for admins after a manual data fix.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await cache.ClearAsync(allowFailSafe: false, token: cancellationToken);
        stats.Invalidated("clear");
    }

    internal void Invalidated(IEnumerable<string> sources)
    {
        foreach (var source in sources)
        {
            stats.Invalidated(source);
        }
    }

    /// <summary>
    /// Invalidates the tags, then recomputes the hot entries that carry them; their last answers stand in meanwhile.
    /// <paramref name="removed"/> is called once the removal is done in the shared cache, before the recomputations.
    /// </summary>
    /// <exception cref="SharedCacheUnavailableException">Redis could not take the removal: not every instance would see it.</exception>
    internal async Task RefreshAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken, Action? removed = null)
    {
        if (tags.Count == 0)
        {
            return;
        }

        var entries = hot.Tagged(tags);
        foreach (var entry in entries)
        {
            // The last answer may stand in only if it was fetched after every earlier removal of its tags.
            var previous = entry.Tags.Max(t => removedAt.GetValueOrDefault(t));
            entry.BeginRefresh(entry.Last is { } last && last.Sequence >= previous ? last.Response : null);
        }

        var sequence = Interlocked.Increment(ref invalidations);
        foreach (var tag in tags)
        {
            invalidatedAt[tag] = sequence;
        }

        var started = 0;
        try
        {
            try
            {
                await invalidationHook.RemovingAsync(tags, cancellationToken);
                await cache.RemoveByTagAsync(tags, shared.RemovalOptions, cancellationToken);
                // FusionCache skips Redis, without a word, while its circuit breaker is open.
                shared.EnsureReachable();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                metrics.CacheOperations.WithLabels("invalidate", "error").Inc();
                // This instance at least stops serving what changed; the others learn it when the removal is retried.
                await cache.RemoveByTagAsync(tags, shared.LocalRemovalOptions, cancellationToken);
                throw e as SharedCacheUnavailableException ?? new SharedCacheUnavailableException("the shared cache did not take the invalidation", e);
            }

            metrics.CacheOperations.WithLabels("invalidate", "success").Inc();
            removed?.Invoke();
            var removal = Interlocked.Increment(ref removals);
            foreach (var tag in tags)
            {
                removedAt[tag] = removal;
            }

            foreach (var entry in entries)
            {
                started++;
                await RefreshAsync(entry, cancellationToken);
            }
        }
        finally
        {
            // Each refresh ends its entry's stand-in itself; these are the ones never reached.
            foreach (var entry in entries.Skip(started))
            {
                entry.EndRefresh();
            }
        }
    }

    private async Task RefreshAsync(HotEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            if (entry.Compute is { } compute)
            {
                var sequence = Interlocked.Read(ref removals);
                var (response, computed, overtaken) = await FetchAsync(entry.CacheKey, entry.Key, entry.Tags, entry.TtlSeconds, compute, cancellationToken);
                entry.Last = overtaken ? null : new HotAnswer(response, sequence);
                metrics.CacheOperations.WithLabels("refresh", computed ? "success" : "shared").Inc();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A read that fails now (a 404, the database away) stays invalidated and is answered on its next read.
            metrics.CacheOperations.WithLabels("refresh", "error").Inc();
            LogRefreshFailed(logger, entry.Endpoint, e);
        }
        finally
        {
            entry.EndRefresh();
        }
    }

    private async Task<(CachedResponse Response, bool Computed, bool Overtaken)> FetchAsync(
        string cacheKey, string key, IReadOnlyList<string> tags, int ttlSeconds, Func<CancellationToken, Task<object>> compute,
        CancellationToken cancellationToken)
    {
        var computed = false;
        var overtaken = false;
        try
        {
            var response = await cache.GetOrSetAsync<CachedResponse>(
                cacheKey,
                async (_, ct) =>
                {
                    computed = true;
                    var started = Interlocked.Read(ref invalidations);
                    var commands = SqlCommandTally.Start();
                    var fresh = Serialize(await compute(ct), compress: true);
                    metrics.CacheComputationSql.Observe(commands.Value);
                    await hook.ComputedAsync(key, ct);
                    overtaken = tags.Any(t => invalidatedAt.TryGetValue(t, out var at) && at > started);
                    return fresh;
                },
                options: new FusionCacheEntryOptions(TimeSpan.FromSeconds(ttlSeconds)),
                tags: tags,
                token: cancellationToken);
            if (overtaken)
            {
                // Invalidated while computing: the caller gets what was read, the cache does not keep it.
                await cache.RemoveAsync(cacheKey, token: CancellationToken.None);
            }
            else if (computed)
            {
                metrics.CacheOperations.WithLabels("set", "success").Inc();
            }

            return (response, computed, overtaken);
        }
        catch when (computed)
        {
            metrics.CacheOperations.WithLabels("set", "error").Inc();
            throw;
        }
    }

    /// <summary>The response's bytes; compressed too when it is to be cached (compressing once pays for itself on the hits).</summary>
    private static CachedResponse Serialize(object value, bool compress) =>
        CachedResponse.Of(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), SapJson.Options), compress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh of a cached {Endpoint} read failed; it is recomputed on its next read")]
    private static partial void LogRefreshFailed(ILogger logger, string endpoint, Exception error);
}
