namespace Sap.Domain.Writes;

/// <summary>The response a write gave: status, JSON body, Location. Stored for Idempotency-Key replays.</summary>
public sealed record StoredResponse(int StatusCode, string? Body, string? Location);
