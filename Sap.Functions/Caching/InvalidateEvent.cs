using Sap.Domain.Events;

namespace Sap.Functions.Caching;

public sealed record InvalidateEvent(string? Type, EventData? Data);
