namespace Sap.Domain.Produtos;

public sealed class Produto
{
    private string nome = "";

    public long Id { get; set; }

    /// <summary>Stored trimmed; unique ignoring case through <see cref="NomeChave"/>.</summary>
    public string Nome
    {
        get => nome;
        set
        {
            nome = value.Trim();
            NomeChave = NameKey.Of(nome);
        }
    }

    public string NomeChave { get; private set; } = "";

    public string? CodigoInterno { get; set; }

    public Categoria Categoria { get; set; } = Categoria.OUTROS;

    /// <summary>The average purchase cost; copied into each item as its preco_compra when the item is written.</summary>
    public decimal PrecoMedioCompra { get; set; }

    public string? Ean { get; set; }
}
