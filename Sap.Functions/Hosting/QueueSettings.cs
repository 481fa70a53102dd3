namespace Sap.Functions.Hosting;

/// <summary>host.json's extensions.queues, with the Functions host's defaults.</summary>
internal sealed record QueueSettings
{
    public int BatchSize { get; init; } = 16;

    public int MaxDequeueCount { get; init; } = 5;

    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);
}
