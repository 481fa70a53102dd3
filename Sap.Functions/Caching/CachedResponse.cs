namespace Sap.Functions.Caching;

/// <summary>A read's response as cached: the JSON bytes ready to send and their entity tag.</summary>
public sealed record CachedResponse(byte[] Body, string ETag);
