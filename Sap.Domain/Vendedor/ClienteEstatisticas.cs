namespace Sap.Domain.Vendedor;

/// <summary>A cliente's totals over its non-cancelled pedidos.</summary>
public sealed record ClienteEstatisticas(
    decimal TotalGasto,
    long TotalPedidos,
    decimal TicketMedio,
    long ProdutosDiferentes,
    PedidoRef? PrimeiroPedido,
    PedidoRef? UltimoPedido);
