namespace Sap.Domain.ReadModel;

/// <summary>What one write changed in a business month's <see cref="VendaMes"/> figures (see <see cref="VendaProdutoDelta"/>).</summary>
public sealed class VendaMesDelta
{
    public long Id { get; set; }

    public int Ano { get; set; }

    public int Mes { get; set; }

    public long ReceitaCentavos { get; set; }

    public long CpvCentavos { get; set; }

    public int Pedidos { get; set; }

    public int PedidosPagos { get; set; }
}
