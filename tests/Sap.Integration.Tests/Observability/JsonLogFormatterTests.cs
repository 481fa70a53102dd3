using System.Buffers;
using System.Diagnostics;
using System.Text;
using Sap.Functions.Observability;
using Serilog.Events;
using Serilog.Parsing;

namespace Sap.Integration.Tests.Observability;

/// <summary>The JSON line of SPEC §7, byte for byte, for lines written by hand here (no services).</summary>
public sealed class JsonLogFormatterTests
{
    private static readonly SecretRedactor Redactor = new(["s3cret-signing-key"]);

    [Fact]
    public void A_request_line_is_its_fields_in_snake_case_with_the_trace()
    {
        var trace = ActivityTraceId.CreateFromString("0af7651916cd43dd8448eb211c80319c");
        var span = ActivitySpanId.CreateFromString("b7ad6b7169203331");
        var line = Format(new LogEvent(
            new DateTimeOffset(2026, 12, 1, 15, 4, 5, 678, TimeSpan.FromHours(-3)),
            LogEventLevel.Information,
            null,
            new MessageTemplateParser().Parse("request completed"),
            [
                new LogEventProperty("SourceContext", new ScalarValue("Sap.Functions.Http.RequestPipeline")),
                new LogEventProperty("EventId", new ScalarValue(7)),
                new LogEventProperty("request_id", new ScalarValue("r-1")),
                new LogEventProperty("user_id", new ScalarValue(null)),
                new LogEventProperty("StatusCode", new ScalarValue(201)),
                new LogEventProperty("duration_ms", new ScalarValue(12.35)),
                new LogEventProperty("AzureFunctions_InvocationId", new ScalarValue("x")),
                new LogEventProperty("Big", new ScalarValue(9_000_000_000L)),
                new LogEventProperty("Cents", new ScalarValue(10.50m)),
                new LogEventProperty("Tags", new SequenceValue([new ScalarValue("a"), new ScalarValue(true)])),
            ],
            trace,
            span));

        Assert.Equal(
            "{\"timestamp\":\"2026-12-01T18:04:05.678Z\",\"level\":\"info\",\"logger\":\"Sap.Functions.Http.RequestPipeline\",\"message\":\"request completed\","
            + "\"trace_id\":\"0af7651916cd43dd8448eb211c80319c\",\"span_id\":\"b7ad6b7169203331\",\"request_id\":\"r-1\",\"user_id\":null,\"status_code\":201,"
            + "\"duration_ms\":12.35,\"big\":9000000000,\"cents\":10.50,\"tags\":[\"a\",true]}\n",
            line);
    }

    [Fact]
    public void A_request_line_from_the_buffer_is_written_as_its_event_would_be()
    {
        var request = new RequestLine(new DateTimeOffset(2026, 12, 1, 23, 59, 59, 999, TimeSpan.Zero), "r-2", "vendedor-7", "Dashboard", "GET",
            "/api/vendedor/dashboard", 200, 3.5, ActivityTraceId.CreateFromString("4bf92f3577b34da6a3ce929d0e0e4736"),
            ActivitySpanId.CreateFromString("00f067aa0ba902b7"));
        var output = new ArrayBufferWriter<byte>();
        new JsonLogFormatter(Redactor).Format(request, output);
        var line = Encoding.UTF8.GetString(output.WrittenSpan);

        Assert.Equal(
            "{\"timestamp\":\"2026-12-01T23:59:59.999Z\",\"level\":\"info\",\"logger\":\"Sap.Functions.Http.RequestPipeline\",\"message\":\"request completed\","
            + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"span_id\":\"00f067aa0ba902b7\",\"request_id\":\"r-2\",\"user_id\":\"vendedor-7\","
            + "\"function\":\"Dashboard\",\"method\":\"GET\",\"path\":\"/api/vendedor/dashboard\",\"status_code\":200,\"duration_ms\":3.5}\n",
            line);
        Assert.Equal(Format(request.ToLogEvent()), line);
        Assert.DoesNotContain("trace_id", Format((request with { TraceId = default, SpanId = default }).ToLogEvent()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_with_holes_is_rendered_and_secrets_leave_every_text()
    {
        var line = Format(new LogEvent(
            new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
            LogEventLevel.Warning,
            new InvalidOperationException("key s3cret-signing-key refused"),
            new MessageTemplateParser().Parse("Function {Function} failed with {{braces}}"),
            [
                new LogEventProperty("Function", new ScalarValue("Dashboard")),
                new LogEventProperty("Header", new ScalarValue("Bearer abc.def.ghi")),
            ],
            default,
            default));

        Assert.StartsWith(
            """{"timestamp":"2026-12-01T00:00:00.000Z","level":"warning","logger":"","message":"Function \u0022Dashboard\u0022 failed with {braces}","function":"Dashboard","header":"Bearer ***","exception":"System.InvalidOperationException: key *** refused""",
            line,
            StringComparison.Ordinal);
        Assert.DoesNotContain("trace_id", line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", line, StringComparison.Ordinal);
    }

    private static string Format(LogEvent logEvent)
    {
        var output = new ArrayBufferWriter<byte>();
        new JsonLogFormatter(Redactor).Format(logEvent, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
