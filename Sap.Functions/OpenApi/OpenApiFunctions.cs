using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Sap.Functions.Hosting;
using Sap.Functions.Security;

namespace Sap.Functions.OpenApi;

public sealed class OpenApiFunctions(FunctionCatalog catalog)
{
    private static readonly Lazy<string> Version = new(() =>
        typeof(OpenApiFunctions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private JsonObject? document;

    /// <summary>The OpenAPI 3.1 description of this API (public, as the old system's /docs was).</summary>
    [Function(nameof(OpenApi))]
    [Anonymous]
    public IActionResult OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request)
    {
        document ??= OpenApiDocumentBuilder.Build(catalog, HostJson.Load(AppContext.BaseDirectory).RoutePrefix, Version.Value);
        return new ContentResult
        {
            Content = document.ToJsonString(new JsonSerializerOptions { WriteIndented = false }),
            ContentType = "application/json; charset=utf-8",
            StatusCode = StatusCodes.Status200OK,
        };
    }
}
