namespace Sap.Domain.Events;

/// <summary>
/// What locates a change (SPEC §5): the ids it touched, and for pedidos the business month it falls in
/// ("2025-08"), which is what the apuração and the date-windowed rankings depend on.
/// </summary>
public sealed record EventData
{
    public long? PedidoId { get; init; }

    public long? ClienteId { get; init; }

    /// <summary>The pedido's instant (UTC).</summary>
    public DateTime? Data { get; init; }

    /// <summary>The pedido's business month, yyyy-MM.</summary>
    public string? MesNegocio { get; init; }

    public long? ProdutoId { get; init; }

    public long? PagamentoId { get; init; }

    public long? ColetaId { get; init; }

    public long? ApuracaoId { get; init; }

    public int? Ano { get; init; }

    public int? Mes { get; init; }

    /// <summary>For apuração created or deleted: whether the set of years with an apuração changed.</summary>
    public bool? AnosAlterados { get; init; }
}
