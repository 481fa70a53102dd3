using System.Collections;

namespace Sap.Domain.ReadModel;

/// <summary>
/// What one new pedido added to its cliente's sales of one business day, for the stored windows of
/// <see cref="RankingCliente"/>. A new pedido only inserts this (one row, where it once updated a row of every window
/// it falls in, each a new entry in three ranking indexes); <see cref="SalesFold"/> moves it into the windows' rows,
/// reads add the ones not moved yet, and a change of a pedido moves its cliente's first (ADR 12).
/// </summary>
public sealed class RankingClienteDelta
{
    public long Id { get; set; }

    public long ClienteId { get; set; }

    public DateOnly Dia { get; set; }

    public long ValorCentavos { get; set; }

    public long CustoCentavos { get; set; }

    public int Pedidos { get; set; }

    public BitArray? ProdutosBits { get; set; }
}
