using Sap.Domain.Produtos;

namespace Sap.Domain.Pedidos;

public sealed class ItemPedido
{
    public long Id { get; set; }

    public long PedidoId { get; set; }

    public long ProdutoId { get; set; }

    public Produto? Produto { get; set; }

    public int Quantidade { get; set; }

    public decimal PrecoVenda { get; set; }

    /// <summary>The produto's preco_medio_compra when the item was written.</summary>
    public decimal PrecoCompra { get; set; }

    public decimal ValorTotalVenda { get; set; }

    public decimal ValorTotalCompra { get; set; }

    public decimal LucroBruto { get; set; }

    /// <summary>An item with its totals, the purchase price taken from the produto as it is now.</summary>
    public static ItemPedido Create(Produto produto, int quantidade, decimal precoVenda) =>
        Create(produto.Id, quantidade, precoVenda, produto.PrecoMedioCompra);

    public static ItemPedido Create(long produtoId, int quantidade, decimal precoVenda, decimal precoCompra)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantidade);
        ArgumentOutOfRangeException.ThrowIfNegative(precoVenda);
        ArgumentOutOfRangeException.ThrowIfNegative(precoCompra);
        var venda = Money.Round2(quantidade * precoVenda);
        var compra = Money.Round2(quantidade * precoCompra);
        return new ItemPedido
        {
            ProdutoId = produtoId,
            Quantidade = quantidade,
            PrecoVenda = precoVenda,
            PrecoCompra = precoCompra,
            ValorTotalVenda = venda,
            ValorTotalCompra = compra,
            LucroBruto = venda - compra,
        };
    }
}
