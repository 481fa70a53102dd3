namespace Sap.Functions.Caching;

public sealed record EndpointStats(long Hits, long Misses);
