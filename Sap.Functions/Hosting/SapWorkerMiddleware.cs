using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Sap.Functions.Http;

namespace Sap.Functions.Hosting;

/// <summary>
/// The Functions-host adapter of <see cref="RequestPipeline"/>. Registered after ConfigureFunctionsWebApplication, so
/// the HttpContext is there; a short-circuit or failure becomes the invocation's result, which the ASP.NET Core
/// integration executes like any function's.
/// </summary>
internal sealed class SapWorkerMiddleware(FunctionCatalog catalog, RequestPipeline pipeline) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        var function = http is null ? null : catalog.ByEntryPoint(context.FunctionDefinition.EntryPoint);
        if (http is null || function is null)
        {
            await next(context);
            return;
        }

        using var trace = Observability.SapTracing.StartHttpInvocation(http, function.Name);
        using var scope = pipeline.Begin(http, function);
        var early = await pipeline.AuthorizeAsync(http, function);
        scope.Authenticated(http);
        if (early is not null)
        {
            context.GetInvocationResult().Value = early;
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            context.GetInvocationResult().Value = pipeline.Failure(http, function, e);
        }
    }
}
