namespace Sap.Domain.Pedidos;

/// <summary>The pedido rules of SPEC §2: payment status and the status transitions, as pure functions.</summary>
public static class PedidoRules
{
    public static StatusPagamento PaymentStatus(decimal total, decimal pago) =>
        total <= 0 ? StatusPagamento.SemValor
        : pago >= total ? StatusPagamento.Pago
        : pago > 0 ? StatusPagamento.Parcial
        : StatusPagamento.Pendente;

    public static string PaymentStatusText(StatusPagamento status) => status switch
    {
        StatusPagamento.Pago => "Pago",
        StatusPagamento.Parcial => "Parcial",
        StatusPagamento.Pendente => "Pendente",
        StatusPagamento.SemValor => "Sem Valor",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool IsFullyPaid(decimal total, decimal pago) => PaymentStatus(total, pago) == StatusPagamento.Pago;

    /// <summary>A pickup has begun: the goods (some or all) have left.</summary>
    public static bool IsPickedUp(PedidoStatus status) =>
        status is PedidoStatus.ColetaParcial or PedidoStatus.ColetaConcluida;

    /// <summary>Itens may change until the pedido is cancelled or picked up.</summary>
    public static bool CanChangeItens(PedidoStatus status) =>
        status is PedidoStatus.Pendente or PedidoStatus.PagamentoAprovado;

    public static bool CanCancel(PedidoStatus status) =>
        status is PedidoStatus.Pendente or PedidoStatus.PagamentoAprovado;

    public static bool CanReceivePayment(PedidoStatus status) => status != PedidoStatus.Cancelado;

    public static bool CanPickUp(PedidoStatus status) =>
        status is PedidoStatus.PagamentoAprovado or PedidoStatus.ColetaParcial;

    /// <summary>
    /// The status after the approved payments or the itens changed. Only the two pre-pickup states move:
    /// fully paid becomes <see cref="PedidoStatus.PagamentoAprovado"/>, anything less goes back to
    /// <see cref="PedidoStatus.Pendente"/>. A payment never overwrites a pickup status, and a cancelled
    /// pedido stays cancelled.
    /// </summary>
    public static PedidoStatus AfterPaymentsChanged(PedidoStatus status, decimal total, decimal pago) =>
        status is PedidoStatus.Pendente or PedidoStatus.PagamentoAprovado
            ? IsFullyPaid(total, pago) ? PedidoStatus.PagamentoAprovado : PedidoStatus.Pendente
            : status;

    public static PedidoStatus AfterPickup(bool everythingCollected) =>
        everythingCollected ? PedidoStatus.ColetaConcluida : PedidoStatus.ColetaParcial;
}
