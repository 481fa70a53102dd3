using Sap.Domain.Events;

namespace Sap.Functions.Caching;

/// <summary>The body of POST /api/cache/invalidate: tags, events (type + data, as on the queue), or everything.</summary>
/// <remarks>Entries may be null in the JSON, and are then refused one by one, like a pedido's itens.</remarks>
public sealed record InvalidateInput(IReadOnlyList<string?>? Tags, IReadOnlyList<InvalidateEvent?>? Events, bool? All);
