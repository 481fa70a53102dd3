namespace Sap.Domain.Writes;

/// <summary>A write's outcome: the response to send, and the value when this call did the write (null on a replay).</summary>
public sealed record WriteResult<T>(StoredResponse Response, T? Value, bool Replayed);
