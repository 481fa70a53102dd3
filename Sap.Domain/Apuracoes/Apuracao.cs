namespace Sap.Domain.Apuracoes;

/// <summary>The monthly tally finance closes: revenue and cost of the paid pedidos, allowances, other costs.</summary>
public sealed class Apuracao
{
    public long Id { get; set; }

    public int Mes { get; set; }

    public int Ano { get; set; }

    public decimal ReceitaTotal { get; set; }

    public decimal CustoProdutos { get; set; }

    public decimal VerbaScann { get; set; }

    public decimal VerbaPlanoNegocios { get; set; }

    public decimal VerbaTimeAmbev { get; set; }

    public decimal VerbaOutrasReceitas { get; set; }

    public decimal OutrosCustos { get; set; }

    /// <summary>Locked: cannot be changed or deleted any more.</summary>
    public bool Definitivo { get; set; }

    public DateTime DataCriacao { get; set; }

    public DateTime DataAtualizacao { get; set; }

    /// <summary>The subject of the token that created it.</summary>
    public required string CriadoPor { get; set; }

    public ApuracaoFigures Figures => ApuracaoFigures.Of(
        ReceitaTotal, CustoProdutos, VerbaScann, VerbaPlanoNegocios, VerbaTimeAmbev, VerbaOutrasReceitas, OutrosCustos);
}
