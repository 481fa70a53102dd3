namespace Sap.Domain.Pedidos;

public sealed record PedidoItemView(
    long Id, long ProdutoId, int Quantidade, decimal PrecoVenda, decimal PrecoCompra, decimal ValorTotalVenda, decimal ValorTotalCompra,
    decimal LucroBruto);
