using System.Collections;

namespace Sap.Domain.ReadModel;

/// <summary>
/// A cliente's sales on one business day (money in centavos; bit n of <see cref="ProdutosBits"/> set when it bought
/// produto n that day). Windows that no stored <see cref="Janela"/> covers add these up for their ragged ends.
/// </summary>
public sealed class VendaClienteDia
{
    public long ClienteId { get; set; }

    public DateOnly Dia { get; set; }

    public long ValorCentavos { get; set; }

    public long CustoCentavos { get; set; }

    public int Pedidos { get; set; }

    public BitArray? ProdutosBits { get; set; }
}
