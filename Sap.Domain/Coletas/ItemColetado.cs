namespace Sap.Domain.Coletas;

public sealed class ItemColetado
{
    public long Id { get; set; }

    public long ColetaId { get; set; }

    public long ItemPedidoId { get; set; }

    public int QuantidadeColetada { get; set; }
}
