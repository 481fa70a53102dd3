using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Sap.Functions.Http;
using Sap.Functions.OpenApi;
using Sap.Functions.RateLimiting;
using Sap.Functions.Security;

namespace Sap.Functions.Health;

public sealed class HealthFunctions(ReadinessChecks readiness)
{
    /// <summary>Liveness for probes: the process answers. Anonymous by design (SPEC §6).</summary>
    [Function(nameof(Health))]
    [Returns(typeof(HealthResponse))]
    [Anonymous]
    [RateLimitExempt]
    public IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "health")] HttpRequest request) =>
        new JsonResponse(new HealthResponse("healthy"));

    /// <summary>Readiness for probes: 503 (with Retry-After) when the database is down; 200 "degraded" when only the cache or queue is.</summary>
    [Function(nameof(Ready))]
    [Returns(typeof(ReadinessReport))]
    [Anonymous]
    [RateLimitExempt]
    public async Task<IActionResult> Ready([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "ready")] HttpRequest request)
    {
        var report = await readiness.CheckAsync(request.HttpContext.RequestAborted);
        if (report.Status == "unavailable")
        {
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return new JsonResponse(report, StatusCodes.Status503ServiceUnavailable);
        }

        return new JsonResponse(report);
    }
}
