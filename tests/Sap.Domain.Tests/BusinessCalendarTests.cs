using Sap.Domain.Time;
using Sap.Domain.Vendedor;

namespace Sap.Domain.Tests;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar SaoPaulo = BusinessCalendar.SaoPaulo;

    [Fact]
    public void A_pedido_at_23_30_on_the_last_day_of_a_month_belongs_to_that_month()
    {
        // 2025-08-31 23:30 in São Paulo (UTC−3) is 2025-09-01 02:30 UTC.
        var instant = new DateTime(2025, 9, 1, 2, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new DateOnly(2025, 8, 31), SaoPaulo.DateOf(instant));
        Assert.True(SaoPaulo.Month(2025, 8).Contains(instant));
        Assert.False(SaoPaulo.Month(2025, 9).Contains(instant));
    }

    [Fact]
    public void A_month_runs_from_local_midnight_of_its_first_day_to_local_midnight_of_the_next_month()
    {
        var august = SaoPaulo.Month(2025, 8);

        Assert.Equal(new DateTime(2025, 8, 1, 3, 0, 0, DateTimeKind.Utc), august.Start);
        Assert.Equal(new DateTime(2025, 9, 1, 3, 0, 0, DateTimeKind.Utc), august.End);
        Assert.True(august.Contains(new DateTime(2025, 9, 1, 2, 59, 59, DateTimeKind.Utc))); // 31 Aug 23:59:59 local
        Assert.False(august.Contains(new DateTime(2025, 9, 1, 3, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void December_ends_at_the_first_midnight_of_the_next_year()
    {
        var december = SaoPaulo.Month(2025, 12);

        Assert.Equal(new DateTime(2026, 1, 1, 3, 0, 0, DateTimeKind.Utc), december.End);
    }

    [Fact]
    public void A_day_window_covers_both_dates_whole()
    {
        var window = SaoPaulo.Days(new DateOnly(2025, 8, 10), new DateOnly(2025, 8, 12));

        Assert.Equal(new DateTime(2025, 8, 10, 3, 0, 0, DateTimeKind.Utc), window.Start);
        Assert.Equal(new DateTime(2025, 8, 13, 3, 0, 0, DateTimeKind.Utc), window.End);
    }

    [Fact]
    public void On_a_day_whose_midnight_never_happened_the_day_starts_at_the_first_real_time()
    {
        // 2018-11-04: São Paulo's clocks jumped from 00:00 to 01:00 (UTC−2), so the day began at 01:00 local = 03:00 UTC.
        Assert.Equal(new DateTime(2018, 11, 4, 3, 0, 0, DateTimeKind.Utc), SaoPaulo.StartOfDayUtc(new DateOnly(2018, 11, 4)));
        // The day after starts at 00:00 UTC−2 = 02:00 UTC.
        Assert.Equal(new DateTime(2018, 11, 5, 2, 0, 0, DateTimeKind.Utc), SaoPaulo.StartOfDayUtc(new DateOnly(2018, 11, 5)));
    }

    [Fact]
    public void Today_is_the_business_date_not_the_utc_date()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 9, 1, 2, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2025, 8, 31), SaoPaulo.Today(clock));
    }

    [Theory]
    [InlineData(7, SemCompraBucket.Nenhum)]
    [InlineData(8, SemCompraBucket.Dias7)]
    [InlineData(15, SemCompraBucket.Dias7)]
    [InlineData(16, SemCompraBucket.Dias15)]
    [InlineData(30, SemCompraBucket.Dias15)]
    [InlineData(31, SemCompraBucket.Dias30)]
    [InlineData(0, SemCompraBucket.Nenhum)]
    public void Days_without_buying_fall_into_the_dashboard_buckets(int dias, SemCompraBucket expected)
    {
        // The last purchase at 23:30 local, dias days before 2025-09-30: whole business days, not 24-hour spans.
        var today = new DateOnly(2025, 9, 30);
        var last = SaoPaulo.StartOfDayUtc(today.AddDays(-dias)).AddHours(23.5);

        Assert.Equal(dias, SaoPaulo.DaysBetween(last, today));
        Assert.Equal(expected, SemCompra.Bucket(dias));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void The_offsets_of_a_range_change_where_the_zone_changed_its_clocks()
    {
        // Brazil's last summer time: from 2018-11-04 00:00 local (03:00 UTC) to 2019-02-17 00:00 local (02:00 UTC).
        var periods = SaoPaulo.Offsets(new DateTime(2018, 10, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2019, 6, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(
            [
                new UtcOffsetPeriod(new DateTime(2018, 10, 1, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(-3)),
                new UtcOffsetPeriod(new DateTime(2018, 11, 4, 3, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(-2)),
                new UtcOffsetPeriod(new DateTime(2019, 2, 17, 2, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(-3)),
            ],
            periods);
        Assert.All(periods, p => Assert.Equal(SaoPaulo.DateOf(p.FromUtc), DateOnly.FromDateTime(p.FromUtc + p.Offset)));
    }

    [Fact]
    public void A_range_without_a_change_has_one_offset()
    {
        var from = new DateTime(2024, 12, 1, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal([new UtcOffsetPeriod(from, TimeSpan.FromHours(-3))], SaoPaulo.Offsets(from, from.AddYears(2)));
    }
}
