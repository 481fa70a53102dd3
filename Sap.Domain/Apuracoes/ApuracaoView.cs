namespace Sap.Domain.Apuracoes;

/// <summary>A stored apuração with its derived figures.</summary>
public sealed record ApuracaoView(
    long Id,
    int Mes,
    int Ano,
    string MesNome,
    decimal ReceitaTotal,
    decimal CustoProdutos,
    ApuracaoVerbas Verbas,
    decimal TotalVerbas,
    decimal OutrosCustos,
    decimal MargemBruta,
    decimal ResultadoLiquido,
    decimal PercentualMargem,
    bool Definitivo,
    string Status,
    DateTime DataCriacao,
    DateTime DataAtualizacao);
