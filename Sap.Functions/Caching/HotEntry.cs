namespace Sap.Functions.Caching;

/// <summary>
/// A cached read this instance served lately: how to compute it again, what it answered last (and as of which
/// local invalidation), and what stands in for it while a refresh of it is under way.
/// </summary>
internal sealed class HotEntry(string cacheKey, string endpoint, string key, IReadOnlyList<string> tags, int ttlSeconds)
{
    private int refreshing;
    private CachedResponse? standIn;

    public string Endpoint { get; } = endpoint;

    /// <summary>The normalized key within the endpoint.</summary>
    public string Key { get; } = key;

    public string CacheKey { get; } = cacheKey;

    public IReadOnlyList<string> Tags { get; } = tags;

    public int TtlSeconds { get; } = ttlSeconds;

    public Func<CancellationToken, Task<object>>? Compute { get; set; }

    /// <summary>The last answer, with the number of local invalidations that had happened before it was fetched.</summary>
    public HotAnswer? Last { get; set; }

    public long LastRead { get; set; }

    /// <summary>The answer to serve while refreshing; null when not refreshing or when no answer may stand in.</summary>
    public CachedResponse? StandIn => Volatile.Read(ref refreshing) > 0 ? Volatile.Read(ref standIn) : null;

    /// <summary>Starts a refresh; <paramref name="answer"/> stands in meanwhile (null: readers wait for the refresh).</summary>
    public void BeginRefresh(CachedResponse? answer)
    {
        Volatile.Write(ref standIn, answer);
        Interlocked.Increment(ref refreshing);
    }

    public void EndRefresh() => Interlocked.Decrement(ref refreshing);
}

/// <summary>An answer and the count of local invalidations that preceded fetching it.</summary>
internal sealed record HotAnswer(CachedResponse Response, long Sequence);
