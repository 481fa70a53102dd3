namespace Sap.Integration.Tests.Infrastructure;

/// <summary>A span as an OTLP receiver got it (ids in lower-case hex; the parent empty for a root).</summary>
public sealed record ReceivedSpan(
    string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, ReceivedSpanKind Kind,
    IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> LinkTraceIds, DateTime ReceivedAt);
