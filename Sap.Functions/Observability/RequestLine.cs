using System.Diagnostics;
using Serilog.Events;
using Serilog.Parsing;

namespace Sap.Functions.Observability;

/// <summary>One "request completed" line (SPEC §7), as the request leaves it in the <see cref="LogBuffer"/>.</summary>
public readonly record struct RequestLine(
    DateTimeOffset Timestamp,
    string? RequestId,
    string? UserId,
    string Function,
    string Method,
    string? Path,
    int StatusCode,
    double DurationMs,
    ActivityTraceId TraceId,
    ActivitySpanId SpanId)
{
    public const string Logger = "Sap.Functions.Http.RequestPipeline";
    public const string Message = "request completed";

    private static readonly MessageTemplate Template = new MessageTemplateParser().Parse(Message);

    /// <summary>The line as a Serilog event, for a sink that only takes those.</summary>
    public LogEvent ToLogEvent() => new(
        Timestamp,
        LogEventLevel.Information,
        null,
        Template,
        [
            new LogEventProperty("SourceContext", new ScalarValue(Logger)),
            new LogEventProperty("request_id", new ScalarValue(RequestId)),
            new LogEventProperty("user_id", new ScalarValue(UserId)),
            new LogEventProperty("function", new ScalarValue(Function)),
            new LogEventProperty("method", new ScalarValue(Method)),
            new LogEventProperty("path", new ScalarValue(Path)),
            new LogEventProperty("status_code", new ScalarValue(StatusCode)),
            new LogEventProperty("duration_ms", new ScalarValue(DurationMs)),
        ],
        TraceId,
        SpanId);
}
