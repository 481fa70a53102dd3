namespace Sap.Functions.Caching;

public sealed record CacheStatsView(
    IReadOnlyDictionary<string, EndpointStats> Endpoints, long Hits, long Misses, IReadOnlyDictionary<string, long> InvalidationsByEvent);
