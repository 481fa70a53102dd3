namespace Sap.Domain.Apuracoes;

/// <summary>The body of PUT /api/apuracao/{id}: the verbas and outros_custos; recalcular refreshes receita and cpv.</summary>
public sealed record ApuracaoUpdateInput(
    decimal? VerbaScann, decimal? VerbaPlanoNegocios, decimal? VerbaTimeAmbev, decimal? VerbaOutrasReceitas, decimal? OutrosCustos,
    bool? Recalcular);
