namespace Sap.Domain.ReadModel;

/// <summary>A produto's sales inside one ranking window (money in centavos).</summary>
public sealed class RankingProduto
{
    public int Dias { get; set; }

    public long ProdutoId { get; set; }

    public long ValorCentavos { get; set; }

    public long Quantidade { get; set; }
}
