using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;
using Sap.Functions.Hosting;
using Sap.Functions.Security;

namespace Sap.Functions.OpenApi;

public sealed class OpenApiFunctions(FunctionCatalog catalog)
{
    private static readonly Lazy<string> Version = new(() =>
        typeof(OpenApiFunctions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    // Function instances live for one call: the document (built once from the catalogue) is kept per process.
    private static Task<string>? document;

    /// <summary>The OpenAPI 3.1 description of this API (public, as the old system's /docs was).</summary>
    [Function(nameof(OpenApi))]
    [Anonymous]
    public async Task<IActionResult> OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "openapi.json")] HttpRequest request)
    {
        var json = LazyInitializer.EnsureInitialized(ref document, () =>
            OpenApiDocumentBuilder.Build(catalog, HostJson.Load(AppContext.BaseDirectory).RoutePrefix, Version.Value)
                .SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, CancellationToken.None));
        return new ContentResult
        {
            Content = await json,
            ContentType = "application/json; charset=utf-8",
            StatusCode = StatusCodes.Status200OK,
        };
    }
}
