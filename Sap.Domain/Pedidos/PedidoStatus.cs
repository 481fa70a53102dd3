namespace Sap.Domain.Pedidos;

/// <summary>Where a pedido is in its life; stored as the Portuguese text users see (<see cref="PedidoStatusText"/>).</summary>
public enum PedidoStatus
{
    Pendente,
    PagamentoAprovado,
    ColetaParcial,
    ColetaConcluida,
    Cancelado,
}
