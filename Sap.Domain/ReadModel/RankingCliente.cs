using System.Collections;

namespace Sap.Domain.ReadModel;

/// <summary>
/// A cliente's sales inside one stored window (<see cref="Janela"/>): the rows the rankings take their top 20 from,
/// by index. Money in centavos; <see cref="ProdutosBits"/> has bit n set when the cliente bought produto n in the
/// window, and <see cref="Produtos"/> counts them.
/// </summary>
public sealed class RankingCliente
{
    public string Janela { get; set; } = "";

    public long ClienteId { get; set; }

    public long ValorCentavos { get; set; }

    public long CustoCentavos { get; set; }

    public long LucroCentavos { get; set; }

    public int Pedidos { get; set; }

    public int Produtos { get; set; }

    public BitArray? ProdutosBits { get; set; }
}
