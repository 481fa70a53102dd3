using Sap.Domain.Pagamentos;
using Sap.Domain.Pedidos;
using Sap.Domain.Produtos;

namespace Sap.Domain.Tests;

public sealed class PedidoTests
{
    private static readonly Produto Brahma = new() { Id = 1, Nome = "Brahma Lata 350ml", PrecoMedioCompra = 20.10m };

    [Fact]
    public void Item_totals_are_quantity_times_price_and_profit_is_their_difference()
    {
        var item = ItemPedido.Create(Brahma, 3, 32.50m);

        Assert.Equal(20.10m, item.PrecoCompra); // the produto's average cost when the item was written
        Assert.Equal(97.50m, item.ValorTotalVenda); // 3 × 32.50
        Assert.Equal(60.30m, item.ValorTotalCompra); // 3 × 20.10
        Assert.Equal(37.20m, item.LucroBruto);
    }

    [Fact]
    public void Item_keeps_the_purchase_price_it_was_written_with()
    {
        var produto = new Produto { Id = 2, Nome = "Skol", PrecoMedioCompra = 2.00m };
        var item = ItemPedido.Create(produto, 10, 3.00m);
        produto.PrecoMedioCompra = 2.50m;

        Assert.Equal(2.00m, item.PrecoCompra);
        Assert.Equal(20.00m, item.ValorTotalCompra);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Item_quantity_must_be_positive(int quantidade) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ItemPedido.Create(Brahma, quantidade, 1m));

    [Fact]
    public void Pedido_total_is_the_sum_of_its_itens()
    {
        var pedido = NewPedido((2, 50.00m, 40.00m), (1, 19.99m, 10.00m));

        Assert.Equal(119.99m, pedido.ValorTotal); // 2 × 50.00 + 19.99
        Assert.Equal(90.00m, pedido.CustoTotal); // 2 × 40.00 + 10.00
        Assert.Equal(119.99m, pedido.Saldo);
    }

    [Theory]
    [InlineData("0", "0", StatusPagamento.SemValor)]
    [InlineData("100", "0", StatusPagamento.Pendente)]
    [InlineData("100", "0.01", StatusPagamento.Parcial)]
    [InlineData("100", "99.99", StatusPagamento.Parcial)]
    [InlineData("100", "100", StatusPagamento.Pago)]
    public void Payment_status_follows_paid_against_total(string total, string pago, StatusPagamento expected) =>
        Assert.Equal(expected, PedidoRules.PaymentStatus(D(total), D(pago)));

    [Fact]
    public void Payment_status_texts_are_the_ones_users_read()
    {
        Assert.Equal("Sem Valor", PedidoRules.PaymentStatusText(StatusPagamento.SemValor));
        Assert.Equal("Pago", PedidoRules.PaymentStatusText(StatusPagamento.Pago));
        Assert.Equal("Coleta Concluída", PedidoStatusText.ToText(PedidoStatus.ColetaConcluida));
        Assert.Equal(PedidoStatus.PagamentoAprovado, PedidoStatusText.Parse("Pagamento Aprovado"));
    }

    [Fact]
    public void Two_half_payments_approve_the_pedido_as_in_the_old_end_to_end_case()
    {
        // The old system's acceptance script: qty 2 × 50.00 (cost 40.00), paid 50 by Pix then 50 by card.
        var pedido = NewPedido((2, 50.00m, 40.00m));
        Assert.Equal(100.00m, pedido.ValorTotal);
        Assert.Equal(80.00m, pedido.CustoTotal);

        pedido.RecordPayment(Payment(50.00m));
        Assert.Equal(50.00m, pedido.ValorPago);
        Assert.Equal(PedidoStatus.Pendente, pedido.Status);
        Assert.Equal(StatusPagamento.Parcial, pedido.StatusPagamento);

        pedido.RecordPayment(Payment(50.00m));
        Assert.Equal(0.00m, pedido.Saldo);
        Assert.Equal(PedidoStatus.PagamentoAprovado, pedido.Status);
        Assert.Equal(StatusPagamento.Pago, pedido.StatusPagamento);
    }

    [Fact]
    public void A_payment_over_the_saldo_is_refused_and_changes_nothing()
    {
        var pedido = NewPedido((1, 100.00m, 50.00m));
        pedido.RecordPayment(Payment(60.00m));

        var error = Assert.Throws<DomainRuleException>(() => pedido.RecordPayment(Payment(40.01m)));

        Assert.Equal(DomainRuleKind.RuleBroken, error.Kind);
        Assert.Equal(60.00m, pedido.ValorPago);
        Assert.Single(pedido.Pagamentos);
    }

    [Fact]
    public void Rejecting_a_payment_moves_an_approved_pedido_back_to_pendente()
    {
        var pedido = NewPedido((1, 100.00m, 50.00m));
        var first = Payment(30.00m);
        pedido.RecordPayment(first);
        pedido.RecordPayment(Payment(70.00m));
        Assert.Equal(PedidoStatus.PagamentoAprovado, pedido.Status);

        pedido.RejectPayment(first);

        Assert.Equal(StatusPagamentoRegistro.Rejeitado, first.Status);
        Assert.Equal(70.00m, pedido.ValorPago);
        Assert.Equal(PedidoStatus.Pendente, pedido.Status);
        Assert.Throws<DomainRuleException>(() => pedido.RejectPayment(first));
    }

    [Theory]
    [InlineData(PedidoStatus.ColetaParcial)]
    [InlineData(PedidoStatus.ColetaConcluida)]
    [InlineData(PedidoStatus.Cancelado)]
    public void Payments_never_overwrite_a_pickup_or_a_cancellation(PedidoStatus status)
    {
        Assert.Equal(status, PedidoRules.AfterPaymentsChanged(status, 100m, 100m));
        Assert.Equal(status, PedidoRules.AfterPaymentsChanged(status, 100m, 10m));
    }

    [Fact]
    public void Pickups_need_a_paid_pedido_and_mark_it_partial_or_complete()
    {
        var pedido = NewPedido((4, 10.00m, 5.00m));
        Assert.Equal(DomainRuleKind.Conflict, Assert.Throws<DomainRuleException>(() => pedido.RecordPickup(true)).Kind);

        pedido.RecordPayment(Payment(40.00m));
        pedido.RecordPickup(everythingCollected: false);
        Assert.Equal(PedidoStatus.ColetaParcial, pedido.Status);

        pedido.RecordPickup(everythingCollected: true);
        Assert.Equal(PedidoStatus.ColetaConcluida, pedido.Status);
    }

    [Fact]
    public void A_picked_up_pedido_cannot_be_cancelled_or_have_its_itens_changed()
    {
        var pedido = NewPedido((1, 10.00m, 5.00m));
        pedido.RecordPayment(Payment(10.00m));
        pedido.RecordPickup(everythingCollected: false);

        Assert.Equal(DomainRuleKind.Conflict, Assert.Throws<DomainRuleException>(pedido.Cancel).Kind);
        Assert.Equal(DomainRuleKind.Conflict,
            Assert.Throws<DomainRuleException>(() => pedido.ReplaceItens([ItemPedido.Create(Brahma, 1, 5m)])).Kind);
    }

    [Fact]
    public void A_cancelled_pedido_takes_no_payment_and_no_new_itens()
    {
        var pedido = NewPedido((1, 10.00m, 5.00m));
        pedido.Cancel();

        Assert.Equal(PedidoStatus.Cancelado, pedido.Status);
        Assert.Equal(DomainRuleKind.Conflict, Assert.Throws<DomainRuleException>(() => pedido.RecordPayment(Payment(1m))).Kind);
        Assert.Throws<DomainRuleException>(() => pedido.ReplaceItens([ItemPedido.Create(Brahma, 1, 5m)]));
        Assert.Throws<DomainRuleException>(pedido.Cancel);
    }

    [Fact]
    public void Changing_itens_recomputes_totals_and_payment_status()
    {
        var pedido = NewPedido((1, 100.00m, 60.00m));
        pedido.RecordPayment(Payment(100.00m));
        Assert.Equal(PedidoStatus.PagamentoAprovado, pedido.Status);

        pedido.ReplaceItens([ItemPedido.Create(1, 3, 50.00m, 30.00m)]);

        Assert.Equal(150.00m, pedido.ValorTotal);
        Assert.Equal(90.00m, pedido.CustoTotal);
        Assert.Equal(PedidoStatus.Pendente, pedido.Status); // 100 paid of 150
    }

    [Fact]
    public void Itens_cannot_shrink_the_total_below_what_was_paid()
    {
        var pedido = NewPedido((1, 100.00m, 60.00m));
        pedido.RecordPayment(Payment(80.00m));

        var error = Assert.Throws<DomainRuleException>(() => pedido.ReplaceItens([ItemPedido.Create(1, 1, 79.99m, 30m)]));

        Assert.Equal(DomainRuleKind.RuleBroken, error.Kind);
        Assert.Equal(100.00m, pedido.ValorTotal);
    }

    [Fact]
    public void Every_change_bumps_the_concurrency_token()
    {
        var pedido = NewPedido((1, 100.00m, 60.00m));
        var before = pedido.Versao;
        pedido.RecordPayment(Payment(10m));
        Assert.Equal(before + 1, pedido.Versao);
    }

    private static Pedido NewPedido(params (int Quantidade, decimal Venda, decimal Compra)[] itens)
    {
        var pedido = new Pedido { Id = 7, ClienteId = 1, Data = new DateTime(2025, 8, 10, 15, 0, 0, DateTimeKind.Utc) };
        pedido.ReplaceItens(itens.Select((i, n) => ItemPedido.Create(n + 1, i.Quantidade, i.Venda, i.Compra)));
        return pedido;
    }

    private static Pagamento Payment(decimal valor) => new() { Valor = valor, MetodoPagamento = "Pix" };

    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);
}
