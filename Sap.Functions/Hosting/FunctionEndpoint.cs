using System.Reflection;

namespace Sap.Functions.Hosting;

/// <summary>An HTTP function as functions.metadata declares it, with the method that implements it and who may call it.</summary>
public sealed record FunctionEndpoint(
    string Name,
    string EntryPoint,
    MethodInfo Method,
    IReadOnlyList<string> HttpMethods,
    string Route,
    bool Anonymous,
    IReadOnlyList<string> Roles,
    bool AllowsScrapeToken = false,
    bool RateLimitExempt = false)
{
    /// <summary>The function that answers what no other serves (<see cref="UnroutedFunctions"/>).</summary>
    public bool CatchAll => Route == UnroutedFunctions.Route;
}
