using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
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

    // Each property's name as written (snake_case, already escaped), or null for a skipped one: one lookup per property.
    private static readonly ConcurrentDictionary<string, JsonEncodedText?> Names = new(StringComparer.Ordinal);

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
        var json = Start(output, logEvent.Timestamp, logEvent.Level,
            logEvent.Properties.TryGetValue("SourceContext", out var source) ? Text(source) : "", Message(logEvent),
            logEvent.TraceId ?? default, logEvent.SpanId ?? default);
        foreach (var (name, value) in logEvent.Properties)
        {
            if (Names.GetOrAdd(name, NameOf) is { } written)
            {
                json.WritePropertyName(written);
                Write(json, value);
            }
        }

        if (logEvent.Exception is { } exception)
        {
            json.WriteString("exception"u8, redactor.Redact(exception.ToString()));
        }

        End(json, output);
    }

    /// <summary>A "request completed" line: the same fields as its event would give (<see cref="RequestLine.ToLogEvent"/>).</summary>
    public void Format(in RequestLine request, IBufferWriter<byte> output)
    {
        var json = Start(output, request.Timestamp, LogEventLevel.Information, RequestLine.Logger, RequestLine.Message, request.TraceId, request.SpanId);
        WriteText(json, "request_id"u8, request.RequestId);
        WriteText(json, "user_id"u8, request.UserId);
        WriteText(json, "function"u8, request.Function);
        WriteText(json, "method"u8, request.Method);
        WriteText(json, "path"u8, request.Path);
        json.WriteNumber("status_code"u8, request.StatusCode);
        json.WriteNumber("duration_ms"u8, request.DurationMs);
        End(json, output);
    }

    /// <summary>timestamp, level, logger, message, and the trace when there is one (taken on the caller's thread, not this writer's).</summary>
    private Utf8JsonWriter Start(IBufferWriter<byte> output, DateTimeOffset at, LogEventLevel level, string logger, string message, ActivityTraceId traceId, ActivitySpanId spanId)
    {
        var json = lineWriter ??= new Utf8JsonWriter(output);
        json.Reset(output);
        json.WriteStartObject();
        Span<byte> timestamp = stackalloc byte[32];
        at.UtcDateTime.TryFormat(timestamp, out var length, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        json.WriteString("timestamp"u8, timestamp[..length]);
        json.WriteString("level"u8, Level(level));
        json.WriteString("logger"u8, logger);
        json.WriteString("message"u8, redactor.Redact(message));
        if (traceId != default && spanId != default)
        {
            Span<byte> id = stackalloc byte[16];
            Span<char> hex = stackalloc char[32];
            traceId.CopyTo(id);
            Convert.TryToHexStringLower(id, hex, out _);
            json.WriteString("trace_id"u8, hex);
            spanId.CopyTo(id[..8]);
            Convert.TryToHexStringLower(id[..8], hex, out _);
            json.WriteString("span_id"u8, hex[..16]);
        }

        return json;
    }

    private static void End(Utf8JsonWriter json, IBufferWriter<byte> output)
    {
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    private void WriteText(Utf8JsonWriter json, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, redactor.Redact(value));
        }
    }

    private static JsonEncodedText? NameOf(string property) =>
        Skipped.Contains(property) || property.StartsWith("AzureFunctions_", StringComparison.Ordinal)
            ? null
            : JsonEncodedText.Encode(SnakeCase(property));

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
            case ScalarValue { Value: int i }:
                json.WriteNumberValue(i);
                break;
            case ScalarValue { Value: long or short or byte or uint or ulong } s:
                json.WriteNumberValue(Convert.ToInt64(s.Value, CultureInfo.InvariantCulture));
                break;
            case ScalarValue { Value: double d } when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case ScalarValue { Value: float or decimal } s:
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

    /// <summary>The rendered message; a template without holes or braces ("request completed") is its own text, rendered for nothing.</summary>
    private static string Message(LogEvent logEvent) =>
        logEvent.MessageTemplate.Text is var text && text.AsSpan().IndexOfAny('{', '}') < 0
            ? text
            : logEvent.RenderMessage(CultureInfo.InvariantCulture);

    private static string Text(LogEventPropertyValue value) =>
        value is ScalarValue { Value: string s } ? s : value.ToString();

    private static ReadOnlySpan<byte> Level(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "trace"u8,
        LogEventLevel.Debug => "debug"u8,
        LogEventLevel.Information => "info"u8,
        LogEventLevel.Warning => "warning"u8,
        LogEventLevel.Error => "error"u8,
        _ => "critical"u8,
    };

    /// <summary>"RequestId" → "request_id"; names already in snake_case stay as they are.</summary>
    private static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
