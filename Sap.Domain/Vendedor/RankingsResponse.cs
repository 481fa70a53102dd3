namespace Sap.Domain.Vendedor;

/// <summary>The rankings screen: up to 20 rows each.</summary>
public sealed record RankingsResponse(
    IReadOnlyList<RankingFaturamentoRow> Faturamento,
    IReadOnlyList<RankingDiversidadeRow> Diversidade,
    IReadOnlyList<RankingMargemRow> Margem,
    string Periodo,
    Intervalo Intervalo);
