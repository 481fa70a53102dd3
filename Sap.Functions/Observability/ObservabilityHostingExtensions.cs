using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prometheus;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;

namespace Sap.Functions.Observability;

public static class ObservabilityHostingExtensions
{
    public const string ScrapeTokenSetting = "Sap:Metrics:ScrapeToken";

    /// <summary>
    /// JSON logs on stdout through Serilog (redacted, written off the request path by <see cref="LogBuffer"/>), and the Prometheus metrics on an injectable registry
    /// (a new one per app: nothing process-wide, so two apps in one test process count apart).
    /// </summary>
    public static IHostApplicationBuilder AddSapObservability(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var redactor = new SecretRedactor([configuration["Sap:Auth:SigningKey"], configuration[ScrapeTokenSetting]]);
        builder.Services.AddSingleton(redactor);
        var level = Enum.TryParse<LogEventLevel>(Map(configuration["Logging:LogLevel:Default"]), out var l) ? l : LogEventLevel.Information;
        var buffer = new LogBuffer();
        builder.Services.AddSingleton(buffer);
        builder.Services.AddSerilog((_, logger) => logger
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", level)
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            .MinimumLevel.Override("Azure", LogEventLevel.Warning)
            .MinimumLevel.Override("ZiggyCreatures", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.SapConsole(redactor, buffer));

        var version = typeof(ObservabilityHostingExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        builder.Services.AddSingleton(_ => Metrics.NewCustomRegistry());
        builder.Services.AddSingleton(sp =>
        {
            var registry = sp.GetRequiredService<CollectorRegistry>();
            var metrics = new SapMetrics(registry, version.Split('+')[0], builder.Environment.EnvironmentName);
            metrics.CountDroppedLogs(buffer);
            return metrics;
        });
        builder.Services.AddSingleton<IInterceptor, DatabaseMetricsInterceptor>();
        return builder;
    }

    /// <summary>
    /// Sap's JSON lines on stdout, through the bounded buffer: a full buffer drops (and counts) an event instead of
    /// blocking the request that logs it.
    /// </summary>
    public static LoggerConfiguration SapConsole(this LoggerSinkConfiguration sink, SecretRedactor redactor, LogBuffer buffer) =>
        sink.SapBuffered(a => a.Sink(new StdoutSink(new JsonLogFormatter(redactor), buffer)), buffer);

    /// <summary>Any sink behind the bounded, never-blocking buffer.</summary>
    public static LoggerConfiguration SapBuffered(this LoggerSinkConfiguration sink, Action<LoggerSinkConfiguration> writer, LogBuffer buffer) =>
        sink.Async(writer, buffer.Capacity, blockWhenFull: false, monitor: buffer);

    /// <summary>Microsoft's level names to Serilog's.</summary>
    private static string? Map(string? level) => level switch
    {
        "Trace" => "Verbose",
        "Debug" => "Debug",
        "Information" => "Information",
        "Warning" => "Warning",
        "Error" => "Error",
        "Critical" => "Fatal",
        _ => level,
    };
}
