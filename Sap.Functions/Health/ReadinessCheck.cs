namespace Sap.Functions.Health;

/// <summary>One dependency: up, down or not_configured, how long the probe took, and why it failed.</summary>
public sealed record ReadinessCheck(string Status, double DurationMs, string? Detail);
