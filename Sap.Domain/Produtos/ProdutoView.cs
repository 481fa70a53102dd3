namespace Sap.Domain.Produtos;

public sealed record ProdutoView(long Id, string Nome, string? CodigoInterno, string Categoria, decimal PrecoMedioCompra, string? Ean)
{
    public static ProdutoView Of(Produto p) => new(p.Id, p.Nome, p.CodigoInterno, p.Categoria.ToString(), p.PrecoMedioCompra, p.Ean);
}
