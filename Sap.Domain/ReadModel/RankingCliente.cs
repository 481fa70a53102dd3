namespace Sap.Domain.ReadModel;

/// <summary>
/// A cliente's sales inside one ranking window (<see cref="RankingPeriodo"/>): the rows the rankings take their
/// top 20 from, by index. Money in centavos.
/// </summary>
public sealed class RankingCliente
{
    public int Dias { get; set; }

    public long ClienteId { get; set; }

    public long ValorCentavos { get; set; }

    public long CustoCentavos { get; set; }

    public long LucroCentavos { get; set; }

    public int Pedidos { get; set; }

    public int Produtos { get; set; }
}
