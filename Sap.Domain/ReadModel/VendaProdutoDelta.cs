namespace Sap.Domain.ReadModel;

/// <summary>
/// What one write changed in a produto's sales of one business day. Writes only insert these, so writes of
/// different clientes never wait on a produto's row; <see cref="SalesFold"/> moves them into
/// <see cref="VendaProdutoDia"/> and <see cref="RankingProduto"/>, and reads add the ones not moved yet.
/// </summary>
public sealed class VendaProdutoDelta
{
    public long Id { get; set; }

    public long ProdutoId { get; set; }

    public DateOnly Dia { get; set; }

    public long ValorCentavos { get; set; }

    public long Quantidade { get; set; }
}
