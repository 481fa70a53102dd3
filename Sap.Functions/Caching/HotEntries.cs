using System.Collections.Concurrent;

namespace Sap.Functions.Caching;

/// <summary>
/// The cached reads this instance served in the last <see cref="CacheOptions.HotSeconds"/>: the ones worth
/// recomputing when their data changes, so that the next reader finds them cached and fresh (ADR 8).
/// </summary>
public sealed class HotEntries(CacheOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, HotEntry> entries = new(StringComparer.Ordinal);

    public int Count => entries.Count;

    /// <summary>The last answer of a cache key while a refresh of it is under way (it stands in meanwhile).</summary>
    public CachedResponse? Refreshing(string cacheKey) =>
        entries.TryGetValue(cacheKey, out var entry) && entry.Refreshing ? entry.Last : null;

    public void Served(string cacheKey, string endpoint, string key, IReadOnlyList<string> tags, int ttlSeconds,
        Func<CancellationToken, Task<object>> compute, CachedResponse response)
    {
        if (!entries.TryGetValue(cacheKey, out var entry))
        {
            if (entries.Count >= options.HotMaxEntries)
            {
                return;
            }

            entry = entries.GetOrAdd(cacheKey, _ => new HotEntry(cacheKey, endpoint, key, tags, ttlSeconds));
        }

        entry.Compute = compute;
        entry.Last = response;
        entry.LastRead = clock.GetTimestamp();
    }

    /// <summary>The entries read lately that carry any of the tags; entries not read lately are forgotten.</summary>
    internal List<HotEntry> Tagged(IReadOnlyCollection<string> tags)
    {
        var tagged = new List<HotEntry>();
        foreach (var entry in entries.Values)
        {
            if (clock.GetElapsedTime(entry.LastRead) > TimeSpan.FromSeconds(options.HotSeconds))
            {
                entries.TryRemove(entry.CacheKey, out _);
            }
            else if (entry.Tags.Any(tags.Contains))
            {
                tagged.Add(entry);
            }
        }

        return tagged;
    }
}
