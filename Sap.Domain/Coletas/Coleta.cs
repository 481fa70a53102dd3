using Sap.Domain.Pedidos;

namespace Sap.Domain.Coletas;

/// <summary>A pickup of some or all of a paid pedido's itens.</summary>
public sealed class Coleta
{
    public long Id { get; set; }

    public long PedidoId { get; set; }

    public Pedido? Pedido { get; set; }

    public DateTime DataColeta { get; set; }

    /// <summary>The subject of the token that registered the pickup.</summary>
    public required string Responsavel { get; set; }

    public required string NomeRetirada { get; set; }

    public required string DocumentoRetirada { get; set; }

    /// <summary>Whether, after this pickup, every item of the pedido has been collected.</summary>
    public StatusColeta Status { get; set; }

    public string? Observacoes { get; set; }

    public string? NomeConferente { get; set; }

    public string? CpfConferente { get; set; }

    public List<ItemColetado> Itens { get; } = [];
}
