namespace Sap.Domain.Pedidos;

public sealed record PedidoItemInput(long? ProdutoId, int? Quantidade, decimal? PrecoVenda);
