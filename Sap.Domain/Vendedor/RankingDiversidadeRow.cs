namespace Sap.Domain.Vendedor;

/// <summary>A cliente in the diversity ranking: how many different produtos it bought.</summary>
public sealed record RankingDiversidadeRow(
    long ClienteId,
    string Nome,
    long ProdutosDiferentes,
    decimal ValorTotal);
