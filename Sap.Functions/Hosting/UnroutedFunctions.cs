using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Sap.Functions.Http;
using Sap.Functions.Security;

namespace Sap.Functions.Hosting;

/// <summary>
/// What no function serves under the route prefix, answered by Sap on both hosts: a 404 problem, or a 405 problem with
/// <c>Allow</c> for a known route asked with another method. Without it the Functions host answers those itself, before
/// the worker sees them, with an empty 404. The host tries routes in the order of the functions' names (ordinal,
/// ignoring case) and takes the first that matches path and method, so this catch-all's name must sort after every
/// other HTTP function's; <see cref="FunctionCatalog"/> refuses to start otherwise. The self-host's routing ranks a
/// catch-all last by itself.
/// </summary>
public sealed class UnroutedFunctions(FunctionCatalog catalog)
{
    public const string Route = "{*path}";

    [Function(nameof(Unrouted))]
    [Anonymous]
    public IActionResult Unrouted([HttpTrigger(AuthorizationLevel.Anonymous, Route = Route)] HttpRequest request, string path) =>
        catalog.MethodsServing(path) is { Count: > 0 } allowed ? Problems.MethodNotAllowed(allowed) : Problems.NoRoute();
}
