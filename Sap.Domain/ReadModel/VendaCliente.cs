namespace Sap.Domain.ReadModel;

/// <summary>
/// A cliente's sales over all its non-cancelled pedidos, kept current by every write that touches them
/// (<see cref="SalesReadModel"/>): what the cliente detail, the dashboard's resumo and the cliente lists read.
/// Money in centavos (ADR 7). A cliente without such pedidos has no row.
/// </summary>
public sealed class VendaCliente
{
    public long ClienteId { get; set; }

    public long ValorCentavos { get; set; }

    public long CustoCentavos { get; set; }

    public int Pedidos { get; set; }

    public int Produtos { get; set; }

    public long? PrimeiroPedidoId { get; set; }

    public DateTime? PrimeiraCompra { get; set; }

    public long? UltimoPedidoId { get; set; }

    public DateTime? UltimaCompra { get; set; }

    public long? ValorUltimaCompraCentavos { get; set; }
}
