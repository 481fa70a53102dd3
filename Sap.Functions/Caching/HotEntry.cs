namespace Sap.Functions.Caching;

/// <summary>
/// A cached read this instance served lately: how to compute it again, what it answered last, and whether a
/// refresh of it is under way (reads then get <see cref="Last"/> instead of waiting).
/// </summary>
internal sealed class HotEntry(string cacheKey, string endpoint, string key, IReadOnlyList<string> tags, int ttlSeconds)
{
    private int refreshing;

    public string Endpoint { get; } = endpoint;

    /// <summary>The normalized key within the endpoint.</summary>
    public string Key { get; } = key;

    public string CacheKey { get; } = cacheKey;

    public IReadOnlyList<string> Tags { get; } = tags;

    public int TtlSeconds { get; } = ttlSeconds;

    public Func<CancellationToken, Task<object>>? Compute { get; set; }

    public CachedResponse? Last { get; set; }

    public long LastRead { get; set; }

    public bool Refreshing => Volatile.Read(ref refreshing) > 0;

    public void BeginRefresh() => Interlocked.Increment(ref refreshing);

    public void EndRefresh() => Interlocked.Decrement(ref refreshing);
}
