namespace Sap.Domain.Events;

/// <summary>A CloudEvents 1.0 JSON envelope as it travels on the queue (SPEC §5).</summary>
public sealed record CloudEvent(
    string Specversion,
    string Id,
    string Source,
    string Type,
    DateTime Time,
    string Datacontenttype,
    string? Requestid,
    EventData Data)
{
    public const string Version10 = "1.0";
    public const string SapSource = "/sap";
    public const string JsonContent = "application/json";

    /// <summary>
    /// The CloudEvents distributed-tracing extension: the W3C trace context in which the event was made (the write's
    /// request), so that whoever handles it continues that trace. Absent in events of systems that do not trace.
    /// </summary>
    public string? Traceparent { get; init; }

    /// <summary>The W3C tracestate that goes with <see cref="Traceparent"/>, when there is one.</summary>
    public string? Tracestate { get; init; }
}
