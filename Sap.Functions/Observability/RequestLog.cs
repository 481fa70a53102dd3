using System.Diagnostics;
using Serilog.Events;

namespace Sap.Functions.Observability;

/// <summary>
/// The "request completed" line, one per request: the commonest line by far, so it skips Serilog and
/// Microsoft.Extensions.Logging altogether (their event, its properties and the host's log scopes would be most of a
/// cached request's cost) and goes into the <see cref="LogBuffer"/> as a <see cref="RequestLine"/>; it is formatted
/// and written on the buffer's own thread, with the same fields as every other line.
/// </summary>
/// <param name="levels">The app's logger, whose level says whether the line is written (Information or lower).</param>
public sealed class RequestLog(Serilog.ILogger levels, LogBuffer buffer)
{
    public bool Enabled => levels.IsEnabled(LogEventLevel.Information);

    public void Completed(string? requestId, string? userId, string function, string method, string? path, int status, TimeSpan elapsed)
    {
        var activity = Activity.Current;
        buffer.Add(new RequestLine(DateTimeOffset.UtcNow, requestId, userId, function, method, path, status, Math.Round(elapsed.TotalMilliseconds, 2),
            activity?.TraceId ?? default, activity?.SpanId ?? default));
    }
}
