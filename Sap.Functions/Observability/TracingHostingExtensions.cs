using System.Reflection;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Sap.Functions.Caching;

namespace Sap.Functions.Observability;

public static class TracingHostingExtensions
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpTracesEndpointSetting = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// OpenTelemetry tracing (ADR 10): a span per request (an incoming traceparent continued), per SQL command, Redis
    /// command and HTTP call, and Sap's publish and queue-handling spans. Always on, so that log lines carry trace_id
    /// and span_id; exported by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard OTEL_* variables),
    /// to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is, and nowhere otherwise.
    /// </summary>
    public static IHostApplicationBuilder AddSapTracing(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]) || !string.IsNullOrWhiteSpace(configuration[OtlpTracesEndpointSetting]);
        var applicationInsights = configuration[ApplicationInsightsSetting];
        var version = typeof(TracingHostingExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var redis = !string.IsNullOrWhiteSpace(configuration.GetConnectionString(CacheHostingExtensions.RedisConnectionName));
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, read by the default detectors, say otherwise when set.
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService("sap", serviceVersion: version.Split('+')[0]);
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(SapTracing.SourceName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (redis)
                {
                    // Finds the IConnectionMultiplexer the cache registered. Redis commands are profiled and turned into
                    // spans in rounds: every second rather than the default 10 s, so that they leave with their trace.
                    tracing.AddRedisInstrumentation(o => o.FlushInterval = TimeSpan.FromSeconds(1));
                }

                if (string.IsNullOrWhiteSpace(configuration["OTEL_TRACES_SAMPLER"]))
                {
                    tracing.SetSampler(new ParentBasedSampler(new NoBackgroundCallsSampler()));
                }

                if (otlp)
                {
                    // Endpoint, protocol (grpc or http/protobuf), headers and timeout from the OTEL_EXPORTER_OTLP_* settings.
                    tracing.AddOtlpExporter();
                }

                if (!string.IsNullOrWhiteSpace(applicationInsights))
                {
                    tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = applicationInsights);
                }
            });
        return builder;
    }
}
