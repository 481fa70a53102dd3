namespace Sap.Domain.Vendedor;

/// <summary>A produto a cliente bought: quantities, weighted average price, last purchase.</summary>
public sealed record ClienteProduto(
    long ProdutoId,
    string Produto,
    long QuantidadeTotal,
    decimal PrecoMedio,
    DateTime UltimaCompra);
