namespace Sap.Domain.Apuracoes;

/// <summary>A month's apuração (if any), what its pedidos add up to now, and the years that have one.</summary>
public sealed record ApuracaoResponse(
    ApuracaoPeriodo Periodo,
    ApuracaoView? Apuracao,
    ApuracaoCalculado Calculado,
    IReadOnlyList<int> AnosDisponiveis);
