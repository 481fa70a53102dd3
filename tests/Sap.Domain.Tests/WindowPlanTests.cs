using Sap.Domain.ReadModel;

namespace Sap.Domain.Tests;

/// <summary>
/// How a window of business dates is read from the aggregates: stored windows by their key, any other as calendar
/// blocks plus ragged days that cover exactly its dates (checked here against a plain day-by-day count).
/// </summary>
public sealed class WindowPlanTests
{
    private static readonly DateOnly Today = new(2026, 12, 15);

    [Theory]
    [InlineData(null, null, "todos")]
    [InlineData("1900-01-01", "2100-12-31", "todos")]
    [InlineData("2026-11-15", "2026-12-15", "ultimos-30")]
    [InlineData("2026-11-15", "2030-01-01", "ultimos-30")]
    [InlineData("2025-12-15", null, "ultimos-365")]
    [InlineData("2025-12-01", "2026-11-30", "ultimos-12-meses")]
    [InlineData("2026-11-01", "2026-11-30", "2026-11")]
    [InlineData("2026-07-01", "2026-09-30", "2026-T3")]
    [InlineData("2025-01-01", "2025-12-31", "2025")]
    [InlineData("2026-01-01", "2026-12-15", "2026")]
    [InlineData("2026-01-01", null, "2026")]
    [InlineData("2026-12-01", "2026-12-15", "2026-12")]
    [InlineData("2026-10-01", "2026-12-31", "2026-T4")]
    public void A_window_that_is_a_stored_one_is_read_by_its_key(string? inicio, string? fim, string key)
    {
        var plan = WindowPlan.Of(Date(inicio), Date(fim), Today);

        Assert.Equal(key, plan.Stored?.Key);
        Assert.Equal([key], plan.Blocos.Select(b => b.Key));
        Assert.Empty(plan.Dias);
    }

    [Fact]
    public void A_ragged_window_is_its_whole_blocks_and_the_days_at_its_ends()
    {
        var plan = WindowPlan.Of(new DateOnly(2025, 3, 12), new DateOnly(2026, 10, 15), Today);

        Assert.Null(plan.Stored);
        Assert.Equal(["2025-T2", "2025-T3", "2025-T4", "2026-T1", "2026-T2", "2026-T3"], plan.Blocos.Select(b => b.Key));
        Assert.Equal(
            [new DayRange(new DateOnly(2025, 3, 12), new DateOnly(2025, 4, 1)), new DayRange(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 16))],
            plan.Dias);
    }

    [Theory]
    [InlineData("2026-12-15", "2026-12-15")]
    [InlineData("2026-02-28", "2026-03-01")]
    [InlineData("2024-02-10", "2024-03-05")]
    [InlineData("2025-12-20", "2026-01-10")]
    [InlineData("2025-11-30", "2026-12-01")]
    [InlineData("2024-01-02", "2026-12-14")]
    [InlineData("2000-01-01", "2026-12-14")]
    [InlineData("2026-04-01", "2026-06-29")]
    [InlineData("2026-05-31", "2026-07-01")]
    public void Blocks_and_days_cover_every_date_of_the_window_once_and_no_other(string inicio, string fim)
    {
        var (a, b) = (Date(inicio)!.Value, Date(fim)!.Value);

        var plan = WindowPlan.Of(a, b, Today);

        var covered = plan.Blocos.SelectMany(j => Dates(j.Inicio, j.FimAte(Today)))
            .Concat(plan.Dias.SelectMany(d => Dates(d.Inicio, d.Fim)))
            .ToList();
        Assert.Equal(covered.Count, covered.Distinct().Count());
        Assert.Equal(Dates(a, (b < Today ? b : Today).AddDays(1)), covered.Order());
        Assert.True(plan.Dias.Count <= 2);
        Assert.All(plan.Dias, d => Assert.Equal(d.Inicio.Month, d.Fim.AddDays(-1).Month));
    }

    [Theory]
    [InlineData("2026-12-16", "2026-12-31")]
    [InlineData("1999-01-01", "1999-12-31")]
    public void A_window_with_no_possible_pedido_is_empty(string inicio, string fim)
    {
        var plan = WindowPlan.Of(Date(inicio), Date(fim), Today);

        Assert.True(plan.IsEmpty);
        Assert.Empty(plan.Blocos);
        Assert.Empty(plan.Dias);
    }

    [Fact]
    public void The_moving_windows_count_back_from_today_and_the_closed_months_end_before_this_month()
    {
        Assert.Equal(new Janela("ultimos-90", new DateOnly(2026, 9, 16), null), JanelasMoveis.On("ultimos-90", Today));
        Assert.Equal(new Janela("ultimos-12-meses", new DateOnly(2025, 12, 1), new DateOnly(2026, 12, 1)), JanelasMoveis.On("ultimos-12-meses", Today));
        Assert.Equal(new Janela("ultimos-12-meses", new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1)), JanelasMoveis.On("ultimos-12-meses", new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void A_day_falls_in_todos_its_year_its_quarter_and_its_month()
    {
        Assert.Equal(["todos", "2026", "2026-T1", "2026-03"], Janela.Calendario(new DateOnly(2026, 3, 31)).Select(j => j.Key));
        Assert.Equal(["todos", "2026", "2026-T4", "2026-10"], Janela.Calendario(new DateOnly(2026, 10, 1)).Select(j => j.Key));
    }

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static List<DateOnly> Dates(DateOnly from, DateOnly to) =>
        [.. Enumerable.Range(0, Math.Max(0, to.DayNumber - from.DayNumber)).Select(from.AddDays)];
}
