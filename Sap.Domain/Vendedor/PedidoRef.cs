namespace Sap.Domain.Vendedor;

/// <summary>A pedido named by id and instant.</summary>
public sealed record PedidoRef(
    long Id,
    DateTime Data);
