namespace Sap.Domain.Coletas;

public sealed record ColetaItemView(long ItemPedidoId, long ProdutoId, int QuantidadeColetada, int QuantidadePendente, int EstoqueRestante);
