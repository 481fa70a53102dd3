using System.Security.Cryptography;
using System.Text.Json;
using Sap.Functions.Http;
using Sap.Functions.Observability;
using ZiggyCreatures.Caching.Fusion;

namespace Sap.Functions.Caching;

/// <summary>
/// Cached reads: the response's JSON bytes under a normalized key, tagged with what it depends on. FusionCache
/// gives L1 + L2 (Redis) with a backplane, stampede protection (one computation per key per instance) and tag
/// invalidation; an entry's time is taken when its computation starts, so an invalidation that lands mid-fill
/// makes the fill stale on its next read rather than cached as fresh.
/// </summary>
public sealed class ReadCache(IFusionCache cache, CacheOptions options, CacheStats stats, IReadComputationHook hook, SapMetrics metrics)
{
    public bool Enabled => options.Enabled;

    public CacheTtlOptions Ttl => options.Ttl;

    public async Task<(CachedResponse Response, bool Hit)> GetAsync(
        string endpoint, string key, IReadOnlyList<string> tags, int ttlSeconds, Func<CancellationToken, Task<object>> compute,
        CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return (Serialize(await compute(cancellationToken)), false);
        }

        var computed = false;
        CachedResponse response;
        try
        {
            response = await cache.GetOrSetAsync<CachedResponse>(
                $"{endpoint}:{key}",
                async (_, ct) =>
                {
                    computed = true;
                    var fresh = Serialize(await compute(ct));
                    await hook.ComputedAsync(key, ct);
                    return fresh;
                },
                options: new FusionCacheEntryOptions(TimeSpan.FromSeconds(ttlSeconds)),
                tags: tags,
                token: cancellationToken);
        }
        catch when (computed)
        {
            metrics.CacheOperations.WithLabels("set", "error").Inc();
            throw;
        }

        stats.Read(endpoint, hit: !computed);
        metrics.CacheOperations.WithLabels("get", computed ? "miss" : "hit").Inc();
        if (computed)
        {
            metrics.CacheOperations.WithLabels("set", "success").Inc();
        }

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

    /// <summary>Makes every entry carrying any of the tags a miss, here and (through the backplane) on every instance.</summary>
    public async Task InvalidateAsync(IReadOnlyCollection<string> tags, string source, CancellationToken cancellationToken)
    {
        try
        {
            if (tags.Count > 0)
            {
                await cache.RemoveByTagAsync(tags, token: cancellationToken);
            }
        }
        catch
        {
            metrics.CacheOperations.WithLabels("invalidate", "error").Inc();
            throw;
        }

        metrics.CacheOperations.WithLabels("invalidate", "success").Inc();
        stats.Invalidated(source);
    }

    /// <summary>Everything cached: for admins after a manual data fix.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await cache.ClearAsync(allowFailSafe: false, token: cancellationToken);
        stats.Invalidated("clear");
    }

    private static CachedResponse Serialize(object value)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), SapJson.Options);
        return new CachedResponse(body, $"\"{Convert.ToHexString(SHA256.HashData(body), 0, 16)}\"");
    }
}
