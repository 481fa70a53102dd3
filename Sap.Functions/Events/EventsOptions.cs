namespace Sap.Functions.Events;

/// <summary>Settings <c>Sap:Events:*</c>; the Storage account is the Functions one, <c>AzureWebJobsStorage</c>.</summary>
public sealed class EventsOptions
{
    public const string SectionName = "Sap:Events";

    public const string StorageSetting = "AzureWebJobsStorage";

    /// <summary>The queue events go on; the queue function's trigger names the same setting.</summary>
    public string Queue { get; set; } = "sap-events";

    /// <summary>How often the self-host sweeps the outbox for events that stayed unpublished.</summary>
    public int SweepSeconds { get; set; } = 10;
}
