using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sap.Functions.Health;

/// <summary>
/// What /api/ready reports, from the health checks (<see cref="HealthHostingExtensions"/>): each dependency up, down or
/// not configured, with how long its probe took and, when down, why.
/// </summary>
public sealed class ReadinessChecks(HealthCheckService health)
{
    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        return new ReadinessReport(
            Of(report, HealthHostingExtensions.Database), Of(report, HealthHostingExtensions.Cache), Of(report, HealthHostingExtensions.Queue));
    }

    private static ReadinessCheck Of(HealthReport report, string name)
    {
        if (!report.Entries.TryGetValue(name, out var entry))
        {
            return new ReadinessCheck("not_configured", 0, null);
        }

        var up = entry.Status == HealthStatus.Healthy;
        var detail = up ? null
            : entry.Exception is OperationCanceledException ? "timed out"
            : entry.Exception?.GetType().Name ?? entry.Description ?? "down";
        return new ReadinessCheck(up ? "up" : "down", Math.Round(entry.Duration.TotalMilliseconds, 1), detail);
    }
}
