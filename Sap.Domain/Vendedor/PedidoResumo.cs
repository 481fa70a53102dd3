namespace Sap.Domain.Vendedor;

/// <summary>A pedido in a cliente's list, with its itens.</summary>
public sealed record PedidoResumo(
    long Id,
    DateTime Data,
    decimal ValorTotal,
    string Status,
    string StatusPagamento,
    IReadOnlyList<ItemResumo> Itens);
