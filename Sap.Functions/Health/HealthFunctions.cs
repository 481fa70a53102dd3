using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Sap.Functions.Http;
using Sap.Functions.Security;

namespace Sap.Functions.Health;

public sealed class HealthFunctions
{
    /// <summary>Liveness for probes: the process answers. Anonymous by design (SPEC §6).</summary>
    [Function(nameof(Health))]
    [Anonymous]
    public IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new JsonResponse(new HealthResponse("healthy"));
}
