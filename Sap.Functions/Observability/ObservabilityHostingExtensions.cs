using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prometheus;
using Sap.Domain.Settings;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;

namespace Sap.Functions.Observability;

public static class ObservabilityHostingExtensions
{
    public const string LogLevelSetting = "Logging:LogLevel:Default";

    /// <summary>
    /// JSON logs on stdout through Serilog (redacted, written off the request path by <see cref="LogBuffer"/>), and the Prometheus metrics on an injectable registry
    /// (a new one per app: nothing process-wide, so two apps in one test process count apart).
    /// </summary>
    public static IHostApplicationBuilder AddSapObservability(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var metricsOptions = builder.AddValidatedOptions<MetricsOptions, MetricsOptionsValidator>(MetricsOptions.SectionName);
        var redactor = new SecretRedactor([configuration["Sap:Auth:SigningKey"], metricsOptions.ScrapeToken]);
        builder.Services.AddSingleton(redactor);
        var level = LogLevelOf(configuration[LogLevelSetting]);
        var buffer = new LogBuffer();
        builder.Services.AddSingleton(buffer);
#pragma warning disable CA2000 // the logger factory disposes it (dispose: true), flushing the buffer at shutdown
        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", level)
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            .MinimumLevel.Override("Azure", LogEventLevel.Warning)
            .MinimumLevel.Override("ZiggyCreatures", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.SapConsole(redactor, buffer)
            .CreateLogger();
#pragma warning restore CA2000
        builder.Services.AddSerilog(logger, dispose: true);
        builder.Services.AddSingleton(new RequestLog(logger, buffer));

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
    /// Sap's JSON lines on stdout, through the bounded buffer: a full buffer drops (and counts) a line instead of
    /// blocking the request that logs it.
    /// </summary>
    public static LoggerConfiguration SapConsole(this LoggerSinkConfiguration sink, SecretRedactor redactor, LogBuffer buffer) =>
        sink.SapBuffered(new StdoutSink(new JsonLogFormatter(redactor)), buffer);

    /// <summary>Any writer behind the bounded, never-blocking buffer.</summary>
#pragma warning disable CA2000 // the logger disposes its sinks
    public static LoggerConfiguration SapBuffered(this LoggerSinkConfiguration sink, ILogLineSink writer, LogBuffer buffer) =>
        sink.Sink(new BufferedSink(buffer, writer));
#pragma warning restore CA2000

    /// <summary>Microsoft's level names (the setting's) to Serilog's; absent is Information.</summary>
    /// <exception cref="Sap.Domain.InvalidSettingsException">Not one of Microsoft's level names.</exception>
    private static LogEventLevel LogLevelOf(string? level) => level?.Trim() switch
    {
        null or "" or "Information" => LogEventLevel.Information,
        "Trace" => LogEventLevel.Verbose,
        "Debug" => LogEventLevel.Debug,
        "Warning" => LogEventLevel.Warning,
        "Error" => LogEventLevel.Error,
        "Critical" or "None" => LogEventLevel.Fatal,
        _ => throw new Sap.Domain.InvalidSettingsException(
            $"{LogLevelSetting}: must be Trace, Debug, Information, Warning, Error, Critical or None, not '{level}'."),
    };
}
