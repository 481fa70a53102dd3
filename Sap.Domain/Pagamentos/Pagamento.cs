using Sap.Domain.Pedidos;

namespace Sap.Domain.Pagamentos;

public sealed class Pagamento
{
    public long Id { get; set; }

    public long PedidoId { get; set; }

    public Pedido? Pedido { get; set; }

    public decimal Valor { get; set; }

    public DateTime DataPagamento { get; set; }

    public required string MetodoPagamento { get; set; }

    /// <summary>The bank or card transaction id; unique when present.</summary>
    public string? IdTransacao { get; set; }

    public string? Observacoes { get; set; }

    public StatusPagamentoRegistro Status { get; set; } = StatusPagamentoRegistro.Aprovado;
}
