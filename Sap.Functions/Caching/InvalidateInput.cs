using Sap.Domain.Events;

namespace Sap.Functions.Caching;

/// <summary>The body of POST /api/cache/invalidate: tags, events (type + data, as on the queue), or everything.</summary>
public sealed record InvalidateInput(IReadOnlyList<string>? Tags, IReadOnlyList<InvalidateEvent>? Events, bool? All);
