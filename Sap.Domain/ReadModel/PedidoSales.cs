using Sap.Domain.Pedidos;
using Sap.Domain.Time;

namespace Sap.Domain.ReadModel;

/// <summary>
/// What one pedido adds to the sales aggregates, as its row and itens stand (money in centavos): nothing when it is
/// cancelled. A change of a pedido is applied as the difference of this before and after (<see cref="Minus"/>).
/// </summary>
public sealed record PedidoSales(
    long ClienteId,
    DateTime Data,
    DateOnly Dia,
    long Valor,
    long Custo,
    int Pedidos,
    long Receita,
    long Cpv,
    int Pagos,
    IReadOnlyDictionary<long, ProdutoSales> Produtos)
{
    public static PedidoSales Of(Pedido pedido, BusinessCalendar calendar)
    {
        var dia = calendar.DateOf(pedido.Data);
        if (pedido.Status == PedidoStatus.Cancelado)
        {
            return new PedidoSales(pedido.ClienteId, pedido.Data, dia, 0, 0, 0, 0, 0, 0, new Dictionary<long, ProdutoSales>());
        }

        var valor = Money.ToCents(pedido.ValorTotal);
        var custo = Money.ToCents(pedido.CustoTotal);
        var pago = pedido.ValorTotal > 0 && pedido.ValorPago >= pedido.ValorTotal;
        var produtos = pedido.Itens
            .GroupBy(i => i.ProdutoId)
            .ToDictionary(g => g.Key, g => new ProdutoSales(g.Sum(i => (long)i.Quantidade), g.Sum(i => Money.ToCents(i.ValorTotalVenda))));
        return new PedidoSales(pedido.ClienteId, pedido.Data, dia, valor, custo, 1, pago ? valor : 0, pago ? custo : 0, pago ? 1 : 0, produtos);
    }

    /// <summary>This minus <paramref name="before"/> (same pedido): what a change adds; produtos that did not change are left out.</summary>
    public PedidoSales Minus(PedidoSales before)
    {
        var produtos = new Dictionary<long, ProdutoSales>();
        foreach (var id in Produtos.Keys.Union(before.Produtos.Keys))
        {
            var now = Produtos.GetValueOrDefault(id);
            var was = before.Produtos.GetValueOrDefault(id);
            if (now != was)
            {
                produtos[id] = new ProdutoSales(now.Quantidade - was.Quantidade, now.Valor - was.Valor);
            }
        }

        return this with
        {
            Valor = Valor - before.Valor,
            Custo = Custo - before.Custo,
            Pedidos = Pedidos - before.Pedidos,
            Receita = Receita - before.Receita,
            Cpv = Cpv - before.Cpv,
            Pagos = Pagos - before.Pagos,
            Produtos = produtos,
        };
    }

    public bool ChangesMonth => Receita != 0 || Cpv != 0 || Pedidos != 0 || Pagos != 0;
}
