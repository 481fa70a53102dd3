namespace Sap.Domain.Time;

/// <summary>
/// Business dates (a day, a month, "today") in the business time zone, and the UTC instants that bound them.
/// Every window is half-open: [start, end).
/// </summary>
public sealed class BusinessCalendar
{
    public const string DefaultTimeZoneId = "America/Sao_Paulo";

    public BusinessCalendar(TimeZoneInfo timeZone) => TimeZone = timeZone;

    public static BusinessCalendar SaoPaulo { get; } = new(TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId));

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The business date of an instant.</summary>
    public DateOnly DateOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), TimeZone));

    public DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The first instant of a business day. Where the clocks jumped forward at midnight (Brazil's old DST
    /// rule), midnight never happened, and the day starts at the first local time that did.
    /// </summary>
    public DateTime StartOfDayUtc(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, TimeZone);
    }

    /// <summary>The instants of the business days from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public UtcWindow Days(DateOnly first, DateOnly last) =>
        new(StartOfDayUtc(first), StartOfDayUtc(last.AddDays(1)));

    public UtcWindow Month(int ano, int mes)
    {
        var first = new DateOnly(ano, mes, 1);
        return new UtcWindow(StartOfDayUtc(first), StartOfDayUtc(first.AddMonths(1)));
    }

    /// <summary>Whole business days from the instant's date to <paramref name="today"/>.</summary>
    public int DaysBetween(DateTime utc, DateOnly today) => today.DayNumber - DateOf(utc).DayNumber;

    /// <summary>
    /// The zone's offsets from UTC between two instants, each from the instant it starts (the first from
    /// <paramref name="fromUtc"/>): the business date of an instant is the date of instant + offset. Lets SQL work out
    /// business dates of many rows without time-zone support (SQLite has none).
    /// </summary>
    public IReadOnlyList<UtcOffsetPeriod> Offsets(DateTime fromUtc, DateTime toUtc)
    {
        fromUtc = AsUtc(fromUtc);
        toUtc = AsUtc(toUtc);
        var periods = new List<UtcOffsetPeriod> { new(fromUtc, TimeZone.GetUtcOffset(fromUtc)) };
        // Zones change offset a few times a year at most, never twice within a day: look day by day, then to the tick.
        for (var day = fromUtc; day < toUtc; day = day.AddDays(1))
        {
            var next = day.AddDays(1) < toUtc ? day.AddDays(1) : toUtc;
            if (TimeZone.GetUtcOffset(next) == periods[^1].Offset)
            {
                continue;
            }

            var (low, high) = (day, next);
            while (high.Ticks - low.Ticks > 1)
            {
                var middle = new DateTime(low.Ticks + ((high.Ticks - low.Ticks) / 2), DateTimeKind.Utc);
                (low, high) = TimeZone.GetUtcOffset(middle) == periods[^1].Offset ? (middle, high) : (low, middle);
            }

            periods.Add(new UtcOffsetPeriod(high, TimeZone.GetUtcOffset(high)));
        }

        return periods;
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value.ToUniversalTime(),
    };
}
