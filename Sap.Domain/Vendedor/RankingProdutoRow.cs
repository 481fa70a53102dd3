namespace Sap.Domain.Vendedor;

/// <summary>A produto in the dashboard's product ranking.</summary>
public sealed record RankingProdutoRow(
    long ProdutoId,
    string Nome,
    decimal ValorTotal,
    long QuantidadeTotal);
