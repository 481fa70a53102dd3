namespace Sap.Functions.Observability;

/// <summary>Settings <c>Sap:Metrics:*</c>.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Sap:Metrics";

    public const int MinimumTokenLength = 16;

    /// <summary>Lets Prometheus read /api/metrics as <c>Authorization: Bearer &lt;token&gt;</c>; none: only ADMIN may.</summary>
    public string? ScrapeToken { get; set; }
}
