namespace Sap.Domain.Vendedor;

/// <summary>A cliente in the revenue ranking.</summary>
public sealed record RankingFaturamentoRow(
    long ClienteId,
    string Nome,
    decimal ValorTotal,
    decimal CustoTotal,
    long TotalPedidos);
