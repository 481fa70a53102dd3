namespace Sap.Domain.Pedidos;

/// <summary>The body of PUT /api/pedidos/{id}: the whole list of itens.</summary>
public sealed record PedidoItensInput(IReadOnlyList<PedidoItemInput?>? Itens);
