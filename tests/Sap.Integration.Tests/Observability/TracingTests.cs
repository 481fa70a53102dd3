using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Sap.Integration.Tests.Observability;

/// <summary>
/// Traces on the self-host (ADR 10): a write's request, SQL, outbox publish and queue handling are one trace, the
/// caller's when it sent a traceparent; the log lines carry it; exported by OTLP to a receiver the test starts, and
/// sent nowhere without an endpoint. (The same under the Functions host: FunctionsHostTests.)
/// </summary>
public sealed class TracingTests(PostgresServer postgres, EventStack stack, ITestOutputHelper output) : IClassFixture<EventStack>
{
    [Fact]
    public async Task A_write_and_its_event_are_one_trace_in_the_logs_and_at_the_collector()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        var cliente = await seed.ClienteAsync("Bar do Rastro");
        var produto = await seed.ProdutoAsync("Bohemia 350", 3m);
        await using var receiver = await OtlpReceiver.StartAsync();
        var deployment = EventStack.NewDeployment();
        var settings = stack.Settings(deployment, receiver.Settings());
        settings["Logging:LogLevel:Default"] = "Information";
        var tokens = new TestTokens();
        await using var app = await SelfHostProcess.StartAsync(db, settings, tokens);

        var arrived = await TraceChecks.WriteTracesAsync(app.Client, tokens.For("ADMIN"), () => app.Stdout, receiver, $"ev-{deployment}", cliente, produto, callerSpanIsParent: true);
        output.WriteLine($"the write's spans (request, SQL, publish, queue function) had all reached the receiver {arrived.TotalMilliseconds:0} ms after the write answered");

        // Events of systems that do not trace, or trace badly, are handled all the same, each in a trace of its own.
        var queue = $"ev-{deployment}";
        var data = new { cliente_id = cliente };
        await EventQueue.SendAsync(stack.Azurite.ConnectionString, queue, "cliente.atualizado", data, "outro-sem-trace");
        await EventQueue.SendAsync(stack.Azurite.ConnectionString, queue, "cliente.atualizado", data, "outro-trace-ruim",
            new Dictionary<string, string> { ["traceparent"] = "00-not-a-trace-01", ["tracestate"] = "=,=" });
        await EventQueue.SendAsync(stack.Azurite.ConnectionString, queue, "cliente.atualizado", data, "outro-trace-zero",
            new Dictionary<string, string> { ["traceparent"] = $"00-{new string('0', 32)}-{TraceChecks.CallerSpanId}-01" });
        var ids = new List<string?>();
        foreach (var requestId in new[] { "outro-sem-trace", "outro-trace-ruim", "outro-trace-zero" })
        {
            var line = await TraceChecks.LineAsync(() => app.Stdout, "event processed", requestId);
            ids.Add(TraceChecks.Text(line, "trace_id"));
        }

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id ?? ""));
        Assert.Equal(3, ids.Distinct().Count());
        Assert.DoesNotContain(new string('0', 32), ids);
        Assert.Equal(0, await EventQueue.CountAsync(stack.Azurite.ConnectionString, queue + "-poison"));
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_exported_and_nothing_fails()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        var cliente = await seed.ClienteAsync("Bar Sem Coletor");
        var produto = await seed.ProdutoAsync("Serramalte 600", 4m);
        await using var app = await stack.StartAppAsync(db, EventStack.NewDeployment(),
            new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "", ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "" });
        await using var exporting = await stack.StartAppAsync(db, EventStack.NewDeployment(),
            new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9", ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "" });

        // Traced (the spans feed the log lines' trace ids) but with no processor to export them: nothing can be sent.
        // The SDK keeps its pipeline in an internal property; the app with an endpoint shows what it holds when one is set.
        Assert.Null(ExportPipeline(app));
        Assert.Equal("BatchActivityExportProcessor{OtlpTraceExporter}", ExportPipeline(exporting));

        var write = await app.SendJsonAsync(HttpMethod.Post, "api/pedidos",
            $$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produto}},"quantidade":1,"preco_venda":9}]}""", ["ADMIN"]);
        Assert.Equal(System.Net.HttpStatusCode.Created, write.Status);
        await Eventually.HoldsAsync(async () => await AppMetrics.EventsHandledAsync(app, "pedido.criado") >= 1, "the write's event was not handled");
        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
    }

    private static string? ExportPipeline(SapApp app)
    {
        var provider = app.Services.GetRequiredService<TracerProvider>();
        var processor = provider.GetType().GetProperty("Processor", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new InvalidOperationException($"{provider.GetType()} has no Processor property: the OpenTelemetry SDK changed");
        return processor.GetValue(provider)?.ToString();
    }
}
