namespace Sap.Domain.Coletas;

public sealed record ColetaItemInput(long? ItemPedidoId, int? Quantidade);
