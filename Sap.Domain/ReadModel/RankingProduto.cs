namespace Sap.Domain.ReadModel;

/// <summary>
/// A produto's sales inside one stored window (money in centavos). Writes do not change these rows: they add to
/// <see cref="VendaProdutoDelta"/>, which <see cref="SalesFold"/> moves here (a produto is sold to every cliente).
/// </summary>
public sealed class RankingProduto
{
    public string Janela { get; set; } = "";

    public long ProdutoId { get; set; }

    public long ValorCentavos { get; set; }

    public long Quantidade { get; set; }
}
