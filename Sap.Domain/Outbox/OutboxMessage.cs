namespace Sap.Domain.Outbox;

/// <summary>
/// An event written in the same transaction as the change that raised it, published to the queue after commit.
/// Ids grow with commit order, which keeps each aggregate's events in order.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public Guid EventId { get; set; }

    /// <summary>The CloudEvents type, e.g. "pedido.criado".</summary>
    public required string Tipo { get; set; }

    /// <summary>The aggregate the event is about, e.g. "pedido:42"; events of one aggregate go out in order.</summary>
    public required string Agregado { get; set; }

    public DateTime OcorridoEm { get; set; }

    public string? RequestId { get; set; }

    /// <summary>The CloudEvents JSON envelope, as it goes on the queue.</summary>
    public required string Payload { get; set; }

    public DateTime? PublicadoEm { get; set; }

    public int Tentativas { get; set; }

    public string? UltimoErro { get; set; }
}
