namespace Sap.Domain.Apuracoes;

/// <summary>The body of POST /api/apuracao; receita and cpv come from the month's pedidos, not from the caller.</summary>
public sealed record ApuracaoInput(
    int? Mes, int? Ano, decimal? VerbaScann, decimal? VerbaPlanoNegocios, decimal? VerbaTimeAmbev, decimal? VerbaOutrasReceitas,
    decimal? OutrosCustos);
