using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Sap.Functions.Hosting;

/// <summary>The real path: the isolated worker, started by the Functions host.</summary>
internal static class WorkerHost
{
    /// <summary>The Functions host passes its endpoint (--functions-uri → Functions:Worker:HostEndpoint); without it the worker cannot run.</summary>
    public static bool IsHostedByFunctions(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["Functions:Worker:HostEndpoint"]);

    public static FunctionsApplicationBuilder Configure(FunctionsApplicationBuilder builder)
    {
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<SapWorkerMiddleware>();
        builder.AddSapFunctions();
        return builder;
    }
}
