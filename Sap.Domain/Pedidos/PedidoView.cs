namespace Sap.Domain.Pedidos;

/// <summary>A pedido as the write API and GET /api/pedidos/{id} return it.</summary>
public sealed record PedidoView(
    long Id, long ClienteId, DateTime Data, string Status, string StatusPagamento, decimal ValorTotal, decimal CustoTotal,
    decimal ValorPago, decimal Saldo, IReadOnlyList<PedidoItemView> Itens)
{
    public static PedidoView Of(Pedido p) => new(
        p.Id, p.ClienteId, p.Data, PedidoStatusText.ToText(p.Status), PedidoRules.PaymentStatusText(p.StatusPagamento),
        p.ValorTotal, p.CustoTotal, p.ValorPago, p.Saldo,
        [.. p.Itens.OrderBy(i => i.Id).Select(i => new PedidoItemView(
            i.Id, i.ProdutoId, i.Quantidade, i.PrecoVenda, i.PrecoCompra, i.ValorTotalVenda, i.ValorTotalCompra, i.LucroBruto))]);
}
