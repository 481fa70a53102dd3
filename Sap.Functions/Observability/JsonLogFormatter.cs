using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Serilog.Events;
using Serilog.Formatting;

namespace Sap.Functions.Observability;

/// <summary>
/// One JSON object per line (SPEC §7): timestamp (UTC ISO-8601), level, logger, message, then the context
/// properties in snake_case (request_id, user_id, function, method, path, status_code, duration_ms, event_type,
/// event_id …), trace_id and span_id while a trace is active, and the exception, all through the <see cref="SecretRedactor"/>.
/// </summary>
public sealed class JsonLogFormatter(SecretRedactor redactor) : ITextFormatter
{
    // ASP.NET Core's own scope (its RequestId is Kestrel's trace identifier, not Sap's request id) and the
    // logger's event id would clash with Sap's request_id and event_id; scopes' trace ids with the event's own; the
    // worker's OpenTelemetry schema URL says nothing about the line.
    private static readonly HashSet<string> Skipped =
        new(StringComparer.Ordinal) { "SourceContext", "{OriginalFormat}", "RequestId", "RequestPath", "ConnectionId", "EventId", "TraceId", "SpanId", "ParentId", "schema.url" };

    private static readonly ConcurrentDictionary<string, string> SnakeNames = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? lineBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? lineWriter;

    public void Format(LogEvent logEvent, TextWriter output)
    {
        var line = lineBuffer ??= new ArrayBufferWriter<byte>(1024);
        line.ResetWrittenCount();
        Format(logEvent, line);
        output.Write(System.Text.Encoding.UTF8.GetString(line.WrittenSpan));
    }

    /// <summary>The line in UTF-8, newline included, appended to <paramref name="output"/>: no string made on the way.</summary>
    public void Format(LogEvent logEvent, IBufferWriter<byte> output)
    {
        var json = lineWriter ??= new Utf8JsonWriter(output);
        json.Reset(output);
        json.WriteStartObject();
        Span<byte> timestamp = stackalloc byte[32];
        logEvent.Timestamp.UtcDateTime.TryFormat(timestamp, out var length, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        json.WriteString("timestamp"u8, timestamp[..length]);
        json.WriteString("level", Level(logEvent.Level));
        json.WriteString("logger", logEvent.Properties.TryGetValue("SourceContext", out var source) ? Text(source) : "");
        json.WriteString("message", redactor.Redact(Message(logEvent)));
        // Taken from Activity.Current when the event was made (on the caller's thread, not this writer's).
        if (logEvent.TraceId is { } traceId && logEvent.SpanId is { } spanId)
        {
            json.WriteString("trace_id", traceId.ToHexString());
            json.WriteString("span_id", spanId.ToHexString());
        }

        foreach (var (name, value) in logEvent.Properties)
        {
            if (Skipped.Contains(name) || name.StartsWith("AzureFunctions_", StringComparison.Ordinal))
            {
                continue;
            }

            json.WritePropertyName(SnakeNames.GetOrAdd(name, SnakeCase));
            Write(json, value);
        }

        if (logEvent.Exception is { } exception)
        {
            json.WriteString("exception", redactor.Redact(exception.ToString()));
        }

        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    private void Write(Utf8JsonWriter json, LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: null }:
                json.WriteNullValue();
                break;
            case ScalarValue { Value: bool b }:
                json.WriteBooleanValue(b);
                break;
            case ScalarValue { Value: int or long or short or byte or uint or ulong } s:
                json.WriteNumberValue(Convert.ToInt64(s.Value, CultureInfo.InvariantCulture));
                break;
            case ScalarValue { Value: double or float or decimal } s:
                json.WriteNumberValue(Convert.ToDecimal(s.Value, CultureInfo.InvariantCulture));
                break;
            case SequenceValue sequence:
                json.WriteStartArray();
                foreach (var element in sequence.Elements)
                {
                    Write(json, element);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(redactor.Redact(Text(value)));
                break;
        }
    }

    /// <summary>The rendered message; a template without holes ("request completed") is its own text, rendered for nothing.</summary>
    private static string Message(LogEvent logEvent) =>
        logEvent.MessageTemplate.Tokens.Count() == 1 && logEvent.MessageTemplate.Tokens.First() is Serilog.Parsing.TextToken text
            ? text.Text
            : logEvent.RenderMessage(CultureInfo.InvariantCulture);

    private static string Text(LogEventPropertyValue value) =>
        value is ScalarValue { Value: string s } ? s : value.ToString();

    private static string Level(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "trace",
        LogEventLevel.Debug => "debug",
        LogEventLevel.Information => "info",
        LogEventLevel.Warning => "warning",
        LogEventLevel.Error => "error",
        _ => "critical",
    };

    /// <summary>"RequestId" → "request_id"; names already in snake_case stay as they are.</summary>
    private static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
