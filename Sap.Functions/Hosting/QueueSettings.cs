namespace Sap.Functions.Hosting;

/// <summary>host.json's extensions.queues, with the Functions host's defaults.</summary>
internal sealed record QueueSettings
{
    public int BatchSize { get; init; } = 16;

    /// <summary>The host fetches the next batch when this many messages or fewer are under way (default: half the batch).</summary>
    public int? NewBatchThresholdSetting { get; init; }

    public int NewBatchThreshold => NewBatchThresholdSetting ?? BatchSize / 2;

    public int MaxDequeueCount { get; init; } = 5;

    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);
}
