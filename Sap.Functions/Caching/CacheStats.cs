using System.Collections.Concurrent;

namespace Sap.Functions.Caching;

/// <summary>This instance's cache counters: hits and misses per endpoint, invalidations per event type.</summary>
public sealed class CacheStats
{
    private readonly ConcurrentDictionary<string, Counter> reads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Counter> invalidations = new(StringComparer.Ordinal);

    public void Read(string endpoint, bool hit)
    {
        var counter = reads.GetOrAdd(endpoint, _ => new Counter());
        Interlocked.Increment(ref hit ? ref counter.Hits : ref counter.Misses);
    }

    public void Invalidated(string source) => Interlocked.Increment(ref invalidations.GetOrAdd(source, _ => new Counter()).Hits);

    public CacheStatsView View() => new(
        reads.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => new EndpointStats(r.Value.Hits, r.Value.Misses), StringComparer.Ordinal),
        reads.Values.Sum(c => c.Hits),
        reads.Values.Sum(c => c.Misses),
        invalidations.OrderBy(i => i.Key, StringComparer.Ordinal).ToDictionary(i => i.Key, i => i.Value.Hits, StringComparer.Ordinal));

    private sealed class Counter
    {
        public long Hits;
        public long Misses;
    }
}
