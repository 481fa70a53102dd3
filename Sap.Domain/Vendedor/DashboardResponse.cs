namespace Sap.Domain.Vendedor;

/// <summary>Everything the vendedor dashboard shows (SPEC §3).</summary>
public sealed record DashboardResponse(
    DashboardResumo Resumo,
    IReadOnlyList<RankingFaturamentoRow> RankingFaturamento,
    IReadOnlyList<RankingMargemRow> RankingMargem,
    IReadOnlyList<RankingProdutoRow> RankingProdutos,
    Intervalo Intervalo);
