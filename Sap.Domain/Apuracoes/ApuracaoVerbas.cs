namespace Sap.Domain.Apuracoes;

/// <summary>The four allowances of an apuração.</summary>
public sealed record ApuracaoVerbas(
    decimal Scann,
    decimal PlanoNegocios,
    decimal TimeAmbev,
    decimal OutrasReceitas);
