using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Sap.Integration.Tests.Observability;

/// <summary>
/// Issue 13's acceptance, the same on both hosts: a write with a traceparent writes its "request completed" line with
/// that trace id, the queue function's "event processed" line for its event carries it too, and an OTLP receiver gets
/// the write's request span, its SQL spans, the outbox publish and the queue function's span in that trace within
/// 10 s; a write without a traceparent gets a new trace id, shared the same way.
/// </summary>
public static class TraceChecks
{
    public const string CallerTraceId = "0af7651916cd43dd8448eb211c80319c";

    public const string CallerSpanId = "b7ad6b7169203331";

    /// <returns>How long after the write answered its trace's spans had all arrived.</returns>
    public static async Task<TimeSpan> WriteTracesAsync(
        HttpClient client, string token, Func<IReadOnlyList<string>> lines, OtlpReceiver receiver, string queue, long cliente, long produto, bool callerSpanIsParent)
    {
        var pedido = $$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produto}},"quantidade":2,"preco_venda":6.5}]}""";
        var traced = "trace-" + Guid.NewGuid().ToString("N")[..12];
        Assert.Equal(201, await PostAsync(client, token, "api/pedidos", pedido, traced, $"00-{CallerTraceId}-{CallerSpanId}-01"));
        var answered = Stopwatch.StartNew();

        var completed = await LineAsync(lines, "request completed", traced);
        var processed = await LineAsync(lines, "event processed", traced);
        Assert.Equal(CallerTraceId, Text(completed, "trace_id"));
        Assert.Equal(CallerTraceId, Text(processed, "trace_id"));
        Assert.Matches("^[0-9a-f]{16}$", Text(completed, "span_id") ?? "");
        Assert.NotEqual(Text(completed, "span_id"), Text(processed, "span_id"));

        var spans = await receiver.TraceAsync(CallerTraceId, HasWriteSpans(queue), seconds: 10);
        var arrived = spans.Max(s => s.ReceivedAt) - (DateTime.UtcNow - answered.Elapsed);
        var request = spans.First(s => s.Kind == ReceivedSpanKind.Server);
        if (callerSpanIsParent)
        {
            Assert.Equal(CallerSpanId, request.ParentSpanId);
        }

        // The SQL ran inside the request (its spans descend from the request's span), the handling is a child of the
        // context the event carries (the request's), not of the publish.
        Assert.All(spans.Where(IsSql), s => Assert.NotEqual("", s.ParentSpanId));
        var publish = spans.First(s => s.Kind == ReceivedSpanKind.Producer);
        var process = spans.First(s => s.Kind == ReceivedSpanKind.Consumer);
        Assert.Equal(publish.ParentSpanId, process.ParentSpanId);
        Assert.Contains(spans, s => s.SpanId == process.ParentSpanId);
        Assert.Equal("pedido.criado", process.Attributes["cloudevents.event_type"]);
        Assert.Equal(process.Attributes["cloudevents.event_id"], Text(processed, "event_id"));

        // Without a traceparent: a new trace, shared by the request's line, the queue function's line and the spans.
        var untraced = "trace-" + Guid.NewGuid().ToString("N")[..12];
        Assert.Equal(201, await PostAsync(client, token, "api/pedidos", pedido, untraced, traceparent: null));
        var newCompleted = await LineAsync(lines, "request completed", untraced);
        var newProcessed = await LineAsync(lines, "event processed", untraced);
        var traceId = Text(newCompleted, "trace_id") ?? "";
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.NotEqual(CallerTraceId, traceId);
        Assert.NotEqual(new string('0', 32), traceId);
        Assert.Equal(traceId, Text(newProcessed, "trace_id"));
        await receiver.TraceAsync(traceId, HasWriteSpans(queue), seconds: 10);
        return arrived;
    }

    public static async Task<JsonElement> LineAsync(Func<IReadOnlyList<string>> lines, string messageStart, string requestId)
    {
        JsonElement? found = null;
        await Eventually.HoldsAsync(() =>
        {
            found = lines().Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)
                .Where(l => (Text(l, "message") ?? "").StartsWith(messageStart, StringComparison.Ordinal) && Text(l, "request_id") == requestId)
                .Cast<JsonElement?>().FirstOrDefault();
            return Task.FromResult(found is not null);
        }, $"no '{messageStart}' line for request {requestId}", seconds: 15, pollMs: 50);
        return found!.Value;
    }

    public static string? Text(JsonElement line, string property) =>
        line.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static async Task<int> PostAsync(HttpClient client, string token, string path, string json, string requestId, string? traceparent)
    {
        // The test's own client sends the traceparent given, or none: an app started in this process traces this
        // process's HttpClient calls too, and its propagator would add a traceparent of its own.
        using var untraced = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null, UseProxy = false }) { BaseAddress = client.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("X-Request-ID", requestId);
        if (traceparent is not null)
        {
            request.Headers.TryAddWithoutValidation("traceparent", traceparent);
        }

        using var response = await untraced.SendAsync(request);
        return (int)response.StatusCode;
    }

    private static Func<IReadOnlyList<ReceivedSpan>, bool> HasWriteSpans(string queue) => spans =>
        spans.Any(s => s.Kind == ReceivedSpanKind.Server)
        && spans.Any(IsSql)
        && spans.Any(s => s.Kind == ReceivedSpanKind.Producer && s.Name == $"publish {queue}")
        && spans.Any(s => s.Kind == ReceivedSpanKind.Consumer && s.Name == $"process {queue}");

    private static bool IsSql(ReceivedSpan span) => span.Scope == "Npgsql" && span.Kind == ReceivedSpanKind.Client;
}
