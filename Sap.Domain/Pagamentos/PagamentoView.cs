using Sap.Domain.Data;

namespace Sap.Domain.Pagamentos;

public sealed record PagamentoView(
    long Id, long PedidoId, decimal Valor, DateTime DataPagamento, string MetodoPagamento, string? IdTransacao, string? Observacoes,
    string Status, string PedidoStatus, decimal PedidoValorPago, decimal PedidoSaldo)
{
    public static PagamentoView Of(Pagamento p, Pedidos.Pedido pedido) => new(
        p.Id, p.PedidoId, p.Valor, p.DataPagamento, p.MetodoPagamento, p.IdTransacao, p.Observacoes, EnumText.Of(p.Status),
        Pedidos.PedidoStatusText.ToText(pedido.Status), pedido.ValorPago, pedido.Saldo);
}
