using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Sap.Domain.Events;
using Sap.Functions.Caching;
using Sap.Functions.Observability;
using Serilog.Context;

namespace Sap.Functions.Events;

/// <summary>
/// Handles one event from the queue: the cached responses it can change are invalidated, no others, and only then does
/// it return (so the message is deleted after the invalidation, never before). Idempotent (invalidating twice, or out
/// of order, changes nothing more); an unknown type is logged, counted and dropped; a message that does not parse, or
/// whose invalidation fails, throws, so the host retries it and then moves it to the poison queue.
/// </summary>
public sealed partial class EventProcessor(ReadCache cache, SapMetrics metrics, EventsOptions options, TimeProvider clock, ILogger<EventProcessor> logger)
{
    /// <summary>
    /// Logs carry the originating request's id (the event's requestid), its trace (the event's traceparent), the
    /// event type and id; one "event processed" line per event.
    /// </summary>
    /// <exception cref="MalformedEventException">The message is not a CloudEvent.</exception>
    public async Task ProcessAsync(string message, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var cloudEvent = EventJson.TryParse(message);
        if (cloudEvent is null)
        {
            metrics.EventsProcessed.WithLabels("malformed", "error").Inc();
            LogMalformed(logger, message.Length);
            throw new MalformedEventException($"Not a CloudEvents 1.0 JSON event ({message.Length} characters).");
        }

        // The event's own trace (the write's, ADR 10) from here on: its lines carry that trace_id.
        using var activity = SapTracing.StartProcess(cloudEvent, options.Queue);
        var known = EventTypes.All.Contains(cloudEvent.Type);
        using (LogContext.PushProperty("request_id", cloudEvent.Requestid))
        using (LogContext.PushProperty("event_type", known ? cloudEvent.Type : "unknown"))
        using (LogContext.PushProperty("event_id", cloudEvent.Id))
        {
            if (!known)
            {
                LogUnknown(logger, cloudEvent.Type);
                await cache.InvalidateAsync([], "unknown", cancellationToken);
                metrics.EventsProcessed.WithLabels("unknown", "dropped").Inc();
                return;
            }

            var tags = CacheTags.Changed(cloudEvent.Type, cloudEvent.Data);
            if (tags.Count > 0)
            {
                try
                {
                    // Coalesced with other events in the next round, and awaited: the message is deleted only once
                    // the invalidation is done in the shared cache; a failure fails the invocation (retried, then poisoned).
                    await cache.Later(tags, cloudEvent.Type).WaitAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    metrics.EventsProcessed.WithLabels(cloudEvent.Type, "error").Inc();
                    LogInvalidationFailed(logger, cloudEvent.Type, e);
                    throw;
                }
            }
            else
            {
                await cache.InvalidateAsync([], cloudEvent.Type, cancellationToken);
            }

            metrics.EventsProcessed.WithLabels(cloudEvent.Type, "success").Inc();
            var lag = clock.GetUtcNow().UtcDateTime - cloudEvent.Time.ToUniversalTime();
            metrics.InvalidationLag.Observe(Math.Max(0, lag.TotalSeconds));
            using (LogContext.PushProperty("duration_ms", Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2)))
            {
                LogHandled(logger, tags);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "event dropped: unknown type {UnknownType}")]
    private static partial void LogUnknown(ILogger logger, string unknownType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "event malformed ({Length} characters): it will be retried, then moved to the poison queue")]
    private static partial void LogMalformed(ILogger logger, int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "event {EventType} not processed: its invalidation failed; the queue will retry it")]
    private static partial void LogInvalidationFailed(ILogger logger, string eventType, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "event processed: invalidated {Tags}")]
    private static partial void LogHandled(ILogger logger, IReadOnlyList<string> tags);
}
