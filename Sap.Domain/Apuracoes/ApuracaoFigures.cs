namespace Sap.Domain.Apuracoes;

/// <summary>The derived figures of an apuração (SPEC §3).</summary>
public sealed record ApuracaoFigures(
    decimal TotalVerbas,
    decimal MargemBruta,
    decimal ResultadoLiquido,
    decimal PercentualMargem)
{
    public static ApuracaoFigures Of(
        decimal receitaTotal,
        decimal custoProdutos,
        decimal verbaScann,
        decimal verbaPlanoNegocios,
        decimal verbaTimeAmbev,
        decimal verbaOutrasReceitas,
        decimal outrosCustos)
    {
        var totalVerbas = verbaScann + verbaPlanoNegocios + verbaTimeAmbev + verbaOutrasReceitas;
        var margemBruta = receitaTotal - custoProdutos;
        return new ApuracaoFigures(
            totalVerbas,
            margemBruta,
            margemBruta + totalVerbas - outrosCustos,
            Money.Percentage(margemBruta, receitaTotal));
    }
}
