namespace Sap.Functions.Health;

public sealed record HealthResponse(string Status);
