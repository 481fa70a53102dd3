using Sap.Domain.Time;

namespace Sap.Domain.Tests;

public sealed class DateFilterTests
{
    private static readonly DateOnly Today = new(2025, 9, 30);

    [Fact]
    public void Reversed_dates_are_swapped()
    {
        var filter = DateFilter.FromDates(new DateOnly(2025, 8, 31), new DateOnly(2025, 8, 1));

        Assert.Equal(new DateFilter(new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 31)), filter);
    }

    [Theory]
    [InlineData(Periodo.UltimoMes, "2025-08-31")]
    [InlineData(Periodo.Ultimos3Meses, "2025-07-02")]
    [InlineData(Periodo.Ultimos6Meses, "2025-04-03")]
    [InlineData(Periodo.UltimoAno, "2024-09-30")]
    public void A_periodo_counts_back_from_today_to_the_end_of_today(Periodo periodo, string inicio)
    {
        var filter = DateFilter.For(periodo, null, null, Today);

        Assert.Equal(DateOnly.Parse(inicio, CultureInfo.InvariantCulture), filter.Inicio);
        Assert.Equal(Today, filter.Fim);
    }

    [Fact]
    public void Todos_is_open_on_both_sides() => Assert.Equal(DateFilter.Open, DateFilter.For(Periodo.Todos, null, null, Today));

    [Fact]
    public void Explicit_dates_override_the_periodo_and_may_leave_one_side_open()
    {
        var filter = DateFilter.For(Periodo.UltimoMes, new DateOnly(2025, 1, 1), null, Today);

        Assert.Equal(new DateFilter(new DateOnly(2025, 1, 1), null), filter);
    }

    [Fact]
    public void The_utc_range_runs_from_the_first_midnight_to_the_midnight_after_the_last_day()
    {
        var (start, end) = new DateFilter(new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 31)).ToUtc(BusinessCalendar.SaoPaulo);

        Assert.Equal(new DateTime(2025, 8, 1, 3, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2025, 9, 1, 3, 0, 0, DateTimeKind.Utc), end);
    }

    [Fact]
    public void An_open_side_has_no_bound()
    {
        var (start, end) = new DateFilter(null, new DateOnly(2025, 8, 31)).ToUtc(BusinessCalendar.SaoPaulo);

        Assert.Null(start);
        Assert.Equal(new DateTime(2025, 9, 1, 3, 0, 0, DateTimeKind.Utc), end);
    }
}
