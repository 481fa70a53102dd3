namespace Sap.Functions.Security;

/// <summary>The function also accepts the metrics scrape token (<c>Sap:Metrics:ScrapeToken</c>) as a bearer token.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScrapeTokenAttribute : Attribute;
