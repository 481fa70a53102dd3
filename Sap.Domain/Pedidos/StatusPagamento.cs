namespace Sap.Domain.Pedidos;

/// <summary>How much of a pedido is paid. Derived, never stored.</summary>
public enum StatusPagamento
{
    Pendente,
    Parcial,
    Pago,
    SemValor,
}
