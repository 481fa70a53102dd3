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
}
