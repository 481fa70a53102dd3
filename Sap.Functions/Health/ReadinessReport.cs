namespace Sap.Functions.Health;

public sealed record ReadinessReport(ReadinessCheck Database, ReadinessCheck Cache, ReadinessCheck Queue)
{
    /// <summary>ready, degraded (cache or queue down) or unavailable (database down).</summary>
    public string Status => Database.Status != "up" ? "unavailable" : Cache.Status == "down" || Queue.Status == "down" ? "degraded" : "ready";
}
