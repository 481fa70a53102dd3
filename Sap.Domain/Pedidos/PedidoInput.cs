namespace Sap.Domain.Pedidos;

/// <summary>The body of POST /api/pedidos.</summary>
public sealed record PedidoInput(long? ClienteId, DateTime? Data, IReadOnlyList<PedidoItemInput?>? Itens);
