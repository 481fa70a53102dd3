namespace Sap.Domain.Writes;

/// <summary>Who writes, under which request id, and the Idempotency-Key with a hash of the request, if given.</summary>
public sealed record WriteRequest(string Subject, string? RequestId, string? IdempotencyKey = null, string? RequestHash = null);
