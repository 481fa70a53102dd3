using Sap.Domain.Clientes;
using Sap.Domain.Pagamentos;

namespace Sap.Domain.Pedidos;

/// <summary>
/// A sale to a cliente. Its totals (Σ itens, Σ approved payments) are kept on the row by the methods
/// below, in the same transaction as the change, so reads never sum itens or payments per pedido.
/// </summary>
public sealed class Pedido
{
    public long Id { get; set; }

    public long ClienteId { get; set; }

    public Cliente? Cliente { get; set; }

    /// <summary>The instant of the sale, UTC.</summary>
    public DateTime Data { get; set; }

    public PedidoStatus Status { get; set; } = PedidoStatus.Pendente;

    public bool ConfirmadoComercial { get; set; }

    public string? ConfirmadoPor { get; set; }

    public DateTime? DataConfirmacao { get; set; }

    /// <summary>Optimistic concurrency token, bumped by every change.</summary>
    public int Versao { get; set; }

    /// <summary>Σ valor_total_venda of the itens.</summary>
    public decimal ValorTotal { get; set; }

    /// <summary>Σ valor_total_compra of the itens.</summary>
    public decimal CustoTotal { get; set; }

    /// <summary>Σ valor of the approved payments.</summary>
    public decimal ValorPago { get; set; }

    public List<ItemPedido> Itens { get; } = [];

    public List<Pagamento> Pagamentos { get; } = [];

    public decimal Saldo => ValorTotal - ValorPago;

    public StatusPagamento StatusPagamento => PedidoRules.PaymentStatus(ValorTotal, ValorPago);

    public void ReplaceItens(IEnumerable<ItemPedido> itens)
    {
        if (!PedidoRules.CanChangeItens(Status))
        {
            throw new DomainRuleException(DomainRuleKind.Conflict,
                $"O pedido {Id} está {PedidoStatusText.ToText(Status)} e não pode ter os itens alterados.");
        }

        var novos = itens.ToList();
        var total = novos.Sum(i => i.ValorTotalVenda);
        if (total < ValorPago)
        {
            throw new DomainRuleException(DomainRuleKind.RuleBroken,
                $"O novo total ({total:0.00}) ficaria abaixo do valor já pago ({ValorPago:0.00}).");
        }

        Itens.Clear();
        Itens.AddRange(novos);
        ValorTotal = total;
        CustoTotal = novos.Sum(i => i.ValorTotalCompra);
        Status = PedidoRules.AfterPaymentsChanged(Status, ValorTotal, ValorPago);
        Versao++;
    }

    public void RecordPayment(Pagamento pagamento)
    {
        if (!PedidoRules.CanReceivePayment(Status))
        {
            throw new DomainRuleException(DomainRuleKind.Conflict, $"O pedido {Id} está cancelado e não recebe pagamentos.");
        }

        if (pagamento.Valor > Saldo)
        {
            throw new DomainRuleException(DomainRuleKind.RuleBroken,
                $"O pagamento de {pagamento.Valor:0.00} excede o saldo de {Saldo:0.00} do pedido {Id}.");
        }

        Pagamentos.Add(pagamento);
        ValorPago += pagamento.Valor;
        Status = PedidoRules.AfterPaymentsChanged(Status, ValorTotal, ValorPago);
        Versao++;
    }

    public void RejectPayment(Pagamento pagamento)
    {
        if (pagamento.Status == StatusPagamentoRegistro.Rejeitado)
        {
            throw new DomainRuleException(DomainRuleKind.Conflict, $"O pagamento {pagamento.Id} já foi rejeitado.");
        }

        pagamento.Status = StatusPagamentoRegistro.Rejeitado;
        ValorPago -= pagamento.Valor;
        Status = PedidoRules.AfterPaymentsChanged(Status, ValorTotal, ValorPago);
        Versao++;
    }

    public void Cancel()
    {
        if (!PedidoRules.CanCancel(Status))
        {
            throw new DomainRuleException(DomainRuleKind.Conflict,
                $"O pedido {Id} está {PedidoStatusText.ToText(Status)} e não pode ser cancelado.");
        }

        Status = PedidoStatus.Cancelado;
        Versao++;
    }

    public void RecordPickup(bool everythingCollected)
    {
        if (!PedidoRules.CanPickUp(Status))
        {
            throw new DomainRuleException(DomainRuleKind.Conflict,
                $"O pedido {Id} está {PedidoStatusText.ToText(Status)}; só pedidos pagos podem ser coletados.");
        }

        Status = PedidoRules.AfterPickup(everythingCollected);
        Versao++;
    }
}
