namespace Sap.Domain.Apuracoes;

/// <summary>The month asked for.</summary>
public sealed record ApuracaoPeriodo(
    int Mes,
    int Ano,
    string MesNome);
