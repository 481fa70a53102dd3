using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Sap.Functions.Health;

public sealed class HealthFunctions
{
    /// <summary>Liveness for probes: the process answers. Anonymous by design (SPEC §6).</summary>
    [Function(nameof(Health))]
    public IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new OkObjectResult(new HealthResponse("healthy"));
}
