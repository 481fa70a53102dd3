using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sap.Functions.Hosting;

/// <summary>The real path: the isolated worker, started by the Functions host.</summary>
internal static class WorkerHost
{
    /// <summary>The Functions host passes its endpoint (--functions-uri → Functions:Worker:HostEndpoint); without it the worker cannot run.</summary>
    public static bool IsHostedByFunctions(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["Functions:Worker:HostEndpoint"]);

    /// <exception cref="Sap.Domain.InvalidSettingsException">A setting is missing or bad, a trigger's included.</exception>
    public static FunctionsApplicationBuilder Configure(FunctionsApplicationBuilder builder)
    {
        FunctionsHostSettings.Check(builder.Configuration, FunctionCatalog.Load(AppContext.BaseDirectory));
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<SapWorkerMiddleware>();
        builder.AddSapFunctions();
        // The worker's invocation span continues the host's trace context (the incoming traceparent of a request).
        builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        return builder;
    }
}
