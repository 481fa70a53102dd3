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

    /// <summary>What stands in for a cache key while a refresh of it is under way, if anything.</summary>
    internal CachedResponse? StandIn(string cacheKey) => entries.TryGetValue(cacheKey, out var entry) ? entry.StandIn : null;

    internal void Served(string cacheKey, string endpoint, string key, IReadOnlyList<string> tags, int ttlSeconds,
        Func<CancellationToken, Task<object>> compute, HotAnswer? answer)
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
        entry.Last = answer;
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
