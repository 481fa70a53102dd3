using System.Collections.Concurrent;
using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>
/// An OTLP/HTTP trace receiver on a free loopback port, as a collector would be: it accepts
/// <c>POST /v1/traces</c> (application/x-protobuf) and decodes the ExportTraceServiceRequest far enough to know
/// each span's trace, id, parent, name, kind, instrumentation scope, string attributes and links.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedSpan> spans = new();

    private OtlpReceiver(WebApplication app, int port)
    {
        this.app = app;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    /// <summary>The base URL, as OTEL_EXPORTER_OTLP_ENDPOINT names it (the exporter adds /v1/traces).</summary>
    public string Endpoint { get; }

    public IReadOnlyList<ReceivedSpan> Spans => [.. spans];

    /// <summary>The settings that point an app at this receiver by OTLP over HTTP with protobuf.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
    };

    public static async Task<OtlpReceiver> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, port);
        app.MapPost("/v1/traces", async (HttpContext http) =>
        {
            if (http.Request.ContentType != "application/x-protobuf")
            {
                return Results.StatusCode(415);
            }

            using var body = new MemoryStream();
            var input = http.Request.Headers.ContentEncoding == "gzip" ? new GZipStream(http.Request.Body, CompressionMode.Decompress) : http.Request.Body;
            await input.CopyToAsync(body);
            foreach (var span in Decode(body.ToArray(), DateTime.UtcNow))
            {
                receiver.spans.Enqueue(span);
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The spans of one trace, waited for until <paramref name="done"/> holds for them.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> TraceAsync(string traceId, Func<IReadOnlyList<ReceivedSpan>, bool> done, int seconds)
    {
        IReadOnlyList<ReceivedSpan> trace = [];
        await Eventually.HoldsAsync(() =>
        {
            trace = [.. spans.Where(s => s.TraceId == traceId)];
            return Task.FromResult(done(trace));
        }, $"the receiver did not get the spans of trace {traceId} (got: {string.Join(", ", Spans.Where(s => s.TraceId == traceId).Select(s => s.Name))})", seconds, pollMs: 50);
        return trace;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
    private static IEnumerable<ReceivedSpan> Decode(byte[] request, DateTime received)
    {
        foreach (var resourceSpans in Fields(request, 1))
        {
            foreach (var scopeSpans in Fields(resourceSpans, 2))
            {
                var scope = Fields(scopeSpans, 1).Select(s => Text(s, 1)).FirstOrDefault() ?? "";
                foreach (var span in Fields(scopeSpans, 2))
                {
                    yield return DecodeSpan(span, scope, received);
                }
            }
        }
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6;
    //        repeated KeyValue attributes = 9; repeated Link links = 13; }   Link { bytes trace_id = 1; bytes span_id = 2; }
    // KeyValue { string key = 1; AnyValue value = 2; }   AnyValue { string string_value = 1; … }
    private static ReceivedSpan DecodeSpan(byte[] span, string scope, DateTime received)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var links = new List<string>();
        var input = new CodedInputStream(span);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: traceId = Hex(input.ReadBytes()); break;
                case 2: spanId = Hex(input.ReadBytes()); break;
                case 4: parent = Hex(input.ReadBytes()); break;
                case 5: name = input.ReadString(); break;
                case 6: kind = input.ReadEnum(); break;
                case 9:
                    var pair = input.ReadBytes().ToByteArray();
                    var value = Fields(pair, 2).Select(v => Text(v, 1)).FirstOrDefault();
                    if (value is not null)
                    {
                        attributes[Text(pair, 1) ?? ""] = value;
                    }

                    break;
                case 13: links.Add(Hex(ByteString.CopyFrom(Fields(input.ReadBytes().ToByteArray(), 1).First()))); break;
                default: input.SkipLastField(); break;
            }
        }

        return new ReceivedSpan(scope, traceId, spanId, parent, name, (ReceivedSpanKind)kind, attributes, links, received);
    }

    /// <summary>The length-delimited values of one field of a message.</summary>
    private static List<byte[]> Fields(byte[] message, int field)
    {
        var values = new List<byte[]>();
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == field && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                values.Add(input.ReadBytes().ToByteArray());
            }
            else
            {
                input.SkipLastField();
            }
        }

        return values;
    }

    private static string? Text(byte[] message, int field) =>
        Fields(message, field).Select(b => System.Text.Encoding.UTF8.GetString(b)).FirstOrDefault();

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);
}
