using Sap.Domain.Data;
using Sap.Domain.Pagamentos;
using Sap.Domain.Pedidos;
using Sap.Domain.ReadModel;
using Sap.Domain.Time;

namespace Sap.Domain.Tests;

/// <summary>What a pedido adds to the sales aggregates, and what a change of it adds (hand-worked figures).</summary>
public sealed class PedidoSalesTests
{
    private static readonly BusinessCalendar SaoPaulo = BusinessCalendar.SaoPaulo;

    [Fact]
    public void A_pedido_adds_its_totals_its_produtos_and_its_business_day()
    {
        // 2025-09-01 02:30 UTC is 2025-08-31 23:30 in São Paulo.
        var pedido = Pedido(new DateTime(2025, 9, 1, 2, 30, 0, DateTimeKind.Utc), (7, 2, 10.50m, 4m), (7, 1, 10.50m, 4m), (9, 3, 1m, 0.25m));

        var sales = PedidoSales.Of(pedido, SaoPaulo);

        Assert.Equal(new DateOnly(2025, 8, 31), sales.Dia);
        Assert.Equal((3450L, 1275L, 1), (sales.Valor, sales.Custo, sales.Pedidos));
        Assert.Equal((0L, 0L, 0), (sales.Receita, sales.Cpv, sales.Pagos));
        Assert.Equal(new ProdutoSales(3, 3150), sales.Produtos[7]);
        Assert.Equal(new ProdutoSales(3, 300), sales.Produtos[9]);
    }

    [Fact]
    public void A_paid_pedido_adds_to_the_months_receita_and_a_cancelled_one_adds_nothing()
    {
        var pedido = Pedido(new DateTime(2025, 9, 10, 15, 0, 0, DateTimeKind.Utc), (7, 2, 10m, 4m));
        pedido.RecordPayment(new Pagamento { Valor = 20m, MetodoPagamento = "Pix" });

        var paid = PedidoSales.Of(pedido, SaoPaulo);
        pedido.Cancel();
        var cancelled = PedidoSales.Of(pedido, SaoPaulo);

        Assert.Equal((2000L, 800L, 1), (paid.Receita, paid.Cpv, paid.Pagos));
        Assert.Equal((0L, 0L, 0, 0), (cancelled.Valor, cancelled.Receita, cancelled.Pedidos, cancelled.Pagos));
        Assert.Empty(cancelled.Produtos);
    }

    [Fact]
    public void A_change_adds_the_difference_and_leaves_produtos_that_did_not_change_out()
    {
        var pedido = Pedido(new DateTime(2025, 9, 10, 15, 0, 0, DateTimeKind.Utc), (7, 2, 10m, 4m), (9, 1, 5m, 1m));
        var before = PedidoSales.Of(pedido, SaoPaulo);
        pedido.ReplaceItens([ItemPedido.Create(7, 2, 10m, 4m), ItemPedido.Create(11, 4, 2m, 1m)]);

        var change = PedidoSales.Of(pedido, SaoPaulo).Minus(before);

        Assert.Equal((300L, 300L, 0), (change.Valor, change.Custo, change.Pedidos));
        Assert.Equal([9L, 11L], change.Produtos.Keys.Order());
        Assert.Equal(new ProdutoSales(-1, -500), change.Produtos[9]);
        Assert.Equal(new ProdutoSales(4, 800), change.Produtos[11]);
        Assert.False(change.ChangesMonth);
    }

    [Fact]
    public void Produto_sets_on_sqlite_combine_blobs_of_any_length()
    {
        var a = SqliteBits.Of([1, 3]);
        var b = SqliteBits.Of([3, 200]);

        var union = SqliteBits.Or(a, b)!;

        Assert.Equal([1L, 3L, 200L], SqliteBits.Members(union));
        Assert.Equal(3, SqliteBits.Count(union));
        Assert.Same(a, SqliteBits.Or(a, null));
        Assert.Equal(0, SqliteBits.Count(null));
    }

    private static Pedido Pedido(DateTime data, params (long Produto, int Quantidade, decimal Venda, decimal Compra)[] itens)
    {
        var pedido = new Pedido { Id = 1, ClienteId = 5, Data = data };
        pedido.ReplaceItens(itens.Select(i => ItemPedido.Create(i.Produto, i.Quantidade, i.Venda, i.Compra)));
        return pedido;
    }
}
