namespace Sap.Domain.ReadModel;

/// <summary>
/// The apuração's "calculado" block of one business month (money in centavos). Every pedido and payment of the month
/// changes it, so writes add a <see cref="VendaMesDelta"/> instead, which <see cref="SalesFold"/> moves here.
/// </summary>
public sealed class VendaMes
{
    public int Ano { get; set; }

    public int Mes { get; set; }

    public long ReceitaCentavos { get; set; }

    public long CpvCentavos { get; set; }

    public int Pedidos { get; set; }

    public int PedidosPagos { get; set; }
}
