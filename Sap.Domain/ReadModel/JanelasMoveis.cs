namespace Sap.Domain.ReadModel;

/// <summary>
/// The moving windows: the rankings' periodos (30, 90, 180 and 365 days back from today, through today) and the
/// last twelve closed months. Their rows are rolled when the business date moves on (<see cref="SalesRoll"/>).
/// </summary>
public static class JanelasMoveis
{
    public const string DozeMesesKey = "ultimos-12-meses";

    /// <summary>The periodos' lengths in days, as SPEC §3 counts them back from today.</summary>
    public static readonly IReadOnlyList<int> Dias = [30, 90, 180, 365];

    public static IReadOnlyList<string> Keys { get; } = [.. Dias.Select(DiasKey), DozeMesesKey];

    public static string DiasKey(int dias) => $"ultimos-{dias}";

    /// <summary>Every moving window as it stands on <paramref name="today"/>.</summary>
    public static IReadOnlyList<Janela> On(DateOnly today) => [.. Keys.Select(k => On(k, today))];

    public static Janela On(string key, DateOnly today)
    {
        if (key == DozeMesesKey)
        {
            var mes = new DateOnly(today.Year, today.Month, 1);
            return new Janela(key, mes.AddMonths(-12), mes);
        }

        var dias = Dias.Single(d => DiasKey(d) == key);
        return new Janela(key, today.AddDays(-dias), null);
    }
}
