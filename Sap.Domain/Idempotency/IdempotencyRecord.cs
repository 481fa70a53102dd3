namespace Sap.Domain.Idempotency;

/// <summary>
/// A write made under an Idempotency-Key: the caller, the key, a hash of the request and the response it got,
/// stored in the write's own transaction so that a retry returns that response and writes nothing new.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }

    public required string Usuario { get; set; }

    public required string Chave { get; set; }

    public required string RequestHash { get; set; }

    public int StatusCode { get; set; }

    public string? Body { get; set; }

    public string? Location { get; set; }

    public DateTime CriadoEm { get; set; }
}
