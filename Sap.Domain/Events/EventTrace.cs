using System.Diagnostics;

namespace Sap.Domain.Events;

/// <summary>The W3C trace context of events (CloudEvents distributed-tracing extension), taken and read.</summary>
public static class EventTrace
{
    /// <summary>The trace context of the work in progress, as a traceparent, or null when nothing is traced.</summary>
    public static (string? Traceparent, string? Tracestate) Current() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity
            ? (activity.Id, string.IsNullOrEmpty(activity.TraceStateString) ? null : activity.TraceStateString)
            : (null, null);

    /// <summary>
    /// The context an event's traceparent names; false for a missing or malformed one (another system's event, a
    /// hand-written message), which is then ignored: tracing never fails an event.
    /// </summary>
    public static bool TryParse(string? traceparent, string? tracestate, out ActivityContext context)
    {
        context = default;
        // .NET checks the hex digits, the version and the all-zero ids, not the dashes between the fields.
        return traceparent is { Length: >= 55 } && traceparent[2] == '-' && traceparent[35] == '-' && traceparent[52] == '-'
            && ActivityContext.TryParse(traceparent, tracestate, isRemote: true, out context);
    }
}
