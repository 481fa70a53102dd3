using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sap.Domain.Data;

/// <summary>Reads stored instants back as UTC (SQLite keeps no kind) and refuses to guess on the way in.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
