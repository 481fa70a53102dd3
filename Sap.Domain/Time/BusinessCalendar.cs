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

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value.ToUniversalTime(),
    };
}
