using Microsoft.Extensions.Logging;
using Sap.Domain.Events;
using Sap.Functions.Caching;

namespace Sap.Functions.Events;

/// <summary>
/// Handles one event from the queue: the cached responses it can change are invalidated, no others. Idempotent
/// (invalidating twice, or out of order, changes nothing more); an unknown type is logged, counted and dropped;
/// a message that does not parse throws, so the host retries it and then moves it to the poison queue.
/// </summary>
public sealed partial class EventProcessor(ReadCache cache, ILogger<EventProcessor> logger)
{
    /// <exception cref="MalformedEventException">The message is not a CloudEvent.</exception>
    public async Task ProcessAsync(string message, CancellationToken cancellationToken)
    {
        var cloudEvent = EventJson.TryParse(message)
            ?? throw new MalformedEventException($"Not a CloudEvents 1.0 JSON event ({message.Length} characters).");
        if (!EventTypes.All.Contains(cloudEvent.Type))
        {
            LogUnknown(logger, cloudEvent.Type, cloudEvent.Id);
            await cache.InvalidateAsync([], "unknown", cancellationToken);
            return;
        }

        var tags = CacheTags.Changed(cloudEvent.Type, cloudEvent.Data);
        await cache.InvalidateAsync(tags, cloudEvent.Type, cancellationToken);
        LogHandled(logger, cloudEvent.Type, cloudEvent.Id, cloudEvent.Requestid, tags);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped event {EventId} of unknown type {EventType}")]
    private static partial void LogUnknown(ILogger logger, string eventType, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventType} {EventId} (request {RequestId}) invalidated {Tags}")]
    private static partial void LogHandled(ILogger logger, string eventType, string eventId, string? requestId, IReadOnlyList<string> tags);
}
