using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Sap.Domain.Events;

namespace Sap.Functions.Observability;

/// <summary>
/// Sap's own spans (ADR 10): the outbox publish of an event and the queue function's handling of it. Both are
/// children of the context the event carries (its traceparent, taken inside the write's request), so the write,
/// its publish and its handling are one trace; the handling links the trace the host started for the invocation.
/// </summary>
public static class SapTracing
{
    public const string SourceName = "Sap";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>
    /// Under the Functions host, the span of an HTTP function's invocation in the request's trace. The host forwards
    /// the request to the worker's Kestrel with the caller's trace (its traceparent continued), but starts the
    /// invocation it sends over gRPC — the worker's "Invoke" span, current while the function runs — in a trace of
    /// its own. This span is a child of the forwarded request's span, linked to the invocation's, so the function's
    /// SQL, Redis and events belong to the caller's trace as on the self-host. Null when they already share a trace.
    /// </summary>
    public static Activity? StartHttpInvocation(HttpContext http, string function)
    {
        var request = http.Features.Get<IHttpActivityFeature>()?.Activity;
        var ambient = Activity.Current;
        if (request is null || ambient is null || request.TraceId == ambient.TraceId)
        {
            return null;
        }

        return Source.StartActivity($"invoke {function}", ActivityKind.Internal, request.Context, links: [new ActivityLink(ambient.Context)]);
    }

    /// <summary>The producer span of one outbox event sent to the queue (null when nothing listens).</summary>
    public static Activity? StartPublish(CloudEvent? cloudEvent, string queue)
    {
        var parent = EventTrace.TryParse(cloudEvent?.Traceparent, cloudEvent?.Tracestate, out var context) ? context : default;
        var activity = Source.StartActivity($"publish {queue}", ActivityKind.Producer, parent);
        Tag(activity, cloudEvent, queue, "send");
        return activity;
    }

    /// <summary>
    /// The consumer span of the queue function handling one event: a child of the event's trace context when it has a
    /// valid one, linked to the invocation's own context; otherwise a child of the invocation, as without Sap's span.
    /// </summary>
    public static Activity? StartProcess(CloudEvent cloudEvent, string queue)
    {
        var ambient = Activity.Current;
        Activity? activity;
        if (EventTrace.TryParse(cloudEvent.Traceparent, cloudEvent.Tracestate, out var parent))
        {
            ActivityLink[]? links = ambient is null ? null : [new ActivityLink(ambient.Context)];
            activity = Source.StartActivity($"process {queue}", ActivityKind.Consumer, parent, links: links);
        }
        else
        {
            activity = Source.StartActivity($"process {queue}", ActivityKind.Consumer);
        }

        Tag(activity, cloudEvent, queue, "process");
        return activity;
    }

    private static void Tag(Activity? activity, CloudEvent? cloudEvent, string queue, string operation)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag("messaging.system", "azure_storage_queues");
        activity.SetTag("messaging.operation.type", operation);
        activity.SetTag("messaging.destination.name", queue);
        if (cloudEvent is not null)
        {
            activity.SetTag("messaging.message.id", cloudEvent.Id);
            activity.SetTag("cloudevents.event_id", cloudEvent.Id);
            activity.SetTag("cloudevents.event_type", cloudEvent.Type);
            activity.SetTag("cloudevents.event_source", cloudEvent.Source);
        }
    }
}
