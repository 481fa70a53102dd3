namespace Sap.Integration.Tests.Infrastructure;

/// <summary>Counters read from an app's /api/metrics (Prometheus text).</summary>
public static class AppMetrics
{
    /// <summary>Queue events handled successfully: of one type, or of every type.</summary>
    public static async Task<double> EventsHandledAsync(SapApp app, string? type = null)
    {
        var scrape = await app.GetAsync("api/metrics", "ADMIN");
        Assert.Equal(System.Net.HttpStatusCode.OK, scrape.Status);
        var prefix = type is null ? "events_processed_total{" : $"events_processed_total{{type=\"{type}\",";
        return scrape.Body.Split('\n')
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Contains("result=\"success\"", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
