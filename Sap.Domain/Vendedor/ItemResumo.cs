namespace Sap.Domain.Vendedor;

/// <summary>An item of a pedido as the cliente screen shows it.</summary>
public sealed record ItemResumo(
    long ProdutoId,
    string ProdutoNome,
    int Quantidade,
    decimal PrecoUnitario,
    decimal Subtotal);
