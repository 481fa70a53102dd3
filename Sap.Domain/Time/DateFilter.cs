namespace Sap.Domain.Time;

/// <summary>
/// A window of business dates with either bound open (null), as the dashboard and the rankings take it.
/// Bounds are inclusive dates; <see cref="ToUtc"/> turns them into the half-open instant range.
/// </summary>
public sealed record DateFilter(DateOnly? Inicio, DateOnly? Fim)
{
    public static DateFilter Open { get; } = new(null, null);

    /// <summary>Explicit dates, with reversed bounds swapped (the old system did the same).</summary>
    public static DateFilter FromDates(DateOnly? inicio, DateOnly? fim) =>
        inicio is { } a && fim is { } b && a > b ? new DateFilter(b, a) : new DateFilter(inicio, fim);

    /// <summary>
    /// The window a ranking covers: explicit dates win; otherwise the periodo counts back from today;
    /// <see cref="Periodo.Todos"/> is open on both sides.
    /// </summary>
    public static DateFilter For(Periodo periodo, DateOnly? inicio, DateOnly? fim, DateOnly today)
    {
        if (inicio is not null || fim is not null)
        {
            return FromDates(inicio, fim);
        }

        return DaysBack(periodo) is { } days ? new DateFilter(today.AddDays(-days), today) : Open;
    }

    public static int? DaysBack(Periodo periodo) => periodo switch
    {
        Periodo.UltimoMes => 30,
        Periodo.Ultimos3Meses => 90,
        Periodo.Ultimos6Meses => 180,
        Periodo.UltimoAno => 365,
        _ => null,
    };

    public (DateTime? Start, DateTime? End) ToUtc(BusinessCalendar calendar) =>
        (Inicio is { } a ? calendar.StartOfDayUtc(a) : null,
         Fim is { } b ? calendar.StartOfDayUtc(b.AddDays(1)) : null);
}
