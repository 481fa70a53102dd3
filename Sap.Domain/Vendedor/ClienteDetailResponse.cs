namespace Sap.Domain.Vendedor;

/// <summary>A cliente, its statistics over non-cancelled pedidos, and its pedidos newest first.</summary>
public sealed record ClienteDetailResponse(
    ClienteInfo Cliente,
    ClienteEstatisticas Estatisticas,
    IReadOnlyList<PedidoResumo> Pedidos);
