namespace Sap.Domain.ReadModel;

/// <summary>
/// How the figures of a window of business dates are read from the aggregates: from one stored
/// <see cref="Janela"/> when the window is one (a periodo, a calendar month, quarter or year, every pedido), else
/// from the fewest calendar blocks that fit inside it plus the day rows of its ragged ends (at most two runs of
/// days, each within one month). <see cref="Inicio"/> is inclusive, <see cref="Fim"/> exclusive and never later than
/// the day after today, since no pedido is dated after today.
/// </summary>
public sealed record WindowPlan(DateOnly Inicio, DateOnly Fim, Janela? Stored, IReadOnlyList<Janela> Blocos, IReadOnlyList<DayRange> Dias)
{
    public bool IsEmpty => Inicio >= Fim;

    /// <summary>The plan for the inclusive dates given (a null bound is open), as of <paramref name="today"/>.</summary>
    public static WindowPlan Of(DateOnly? inicio, DateOnly? fim, DateOnly today)
    {
        var end = today.AddDays(1);
        var a = inicio is { } i && i > Janela.Origem ? i : Janela.Origem;
        var b = fim is { } f && f < today ? f.AddDays(1) : end;
        if (a >= b)
        {
            return new WindowPlan(a, a, null, [], []);
        }

        var stored = StoredAt(a, b, today);
        if (stored is not null)
        {
            return new WindowPlan(a, b, stored, [stored], []);
        }

        var composed = Compose(a, b, today);
        return composed.Blocos.Count == 1 && composed.Dias.Count == 0 ? composed with { Stored = composed.Blocos[0] } : composed;
    }

    /// <summary>
    /// [a, b) as the fewest calendar blocks inside it plus the days left over, never as one stored moving window
    /// (what a moving window's own produto set is worked out from).
    /// </summary>
    public static WindowPlan Compose(DateOnly a, DateOnly b, DateOnly today)
    {
        var blocos = new List<Janela>();
        var dias = new List<DayRange>();
        for (var day = a; day < b;)
        {
            var quarter = ((day.Month - 1) / 3) + 1;
            if ((Fits(Janela.Ano(day.Year), day, b, today) ?? Fits(Janela.Trimestre(day.Year, quarter), day, b, today)
                ?? Fits(Janela.Mes(day.Year, day.Month), day, b, today)) is { } block)
            {
                blocos.Add(block);
                day = block.FimAte(today);
            }
            else
            {
                var next = new DateOnly(day.Year, day.Month, 1).AddMonths(1);
                dias.Add(new DayRange(day, next < b ? next : b));
                day = dias[^1].Fim;
            }
        }

        return new WindowPlan(a, b, null, blocos, dias);
    }

    /// <summary>The stored window with exactly these pedidos, if any: every pedido, or a moving window as of today.</summary>
    private static Janela? StoredAt(DateOnly a, DateOnly b, DateOnly today)
    {
        var end = today.AddDays(1);
        if (a == Janela.Origem && b == end)
        {
            return Janela.Todos;
        }

        return JanelasMoveis.On(today).FirstOrDefault(j => j.Inicio == a && j.FimAte(today) == b);
    }

    /// <summary>The block when it starts on <paramref name="day"/> and holds no pedido outside [day, b).</summary>
    private static Janela? Fits(Janela block, DateOnly day, DateOnly b, DateOnly today) =>
        block.Inicio == day && block.FimAte(today) <= b ? block : null;
}
