namespace Sap.Domain.ReadModel;

/// <summary>The apuração's "calculado" block of one business month, kept current by the writes (money in centavos).</summary>
public sealed class VendaMes
{
    public int Ano { get; set; }

    public int Mes { get; set; }

    public long ReceitaCentavos { get; set; }

    public long CpvCentavos { get; set; }

    public int Pedidos { get; set; }

    public int PedidosPagos { get; set; }
}
