namespace Sap.Domain.ReadModel;

/// <summary>A produto's units and value (centavos) in one pedido, or a change of them.</summary>
public readonly record struct ProdutoSales(long Quantidade, long Valor);
