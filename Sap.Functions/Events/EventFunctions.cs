using Microsoft.Azure.Functions.Worker;
using Sap.Functions.Caching;

namespace Sap.Functions.Events;

/// <summary>The queue-triggered side of the pipeline: events in, exact invalidations out; and the outbox sweep.</summary>
public sealed class EventFunctions(EventProcessor processor, OutboxPublisher publisher)
{
    /// <summary>Host settings (host.json): base64 messages, maxDequeueCount tries, then "&lt;queue&gt;-poison".</summary>
    [Function(nameof(InvalidarCache))]
    public Task InvalidarCache(
        [QueueTrigger("%Sap:Events:Queue%", Connection = EventsOptions.StorageSetting)] string message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(message, cancellationToken);

    /// <summary>Publishes whatever stayed in the outbox (the app died or the queue was down when a write committed).</summary>
    [Function(nameof(VarrerOutbox))]
    public Task VarrerOutbox([TimerTrigger("*/10 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        publisher.PublishPendingAsync(cancellationToken);
}
