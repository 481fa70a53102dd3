namespace Sap.Domain.Vendedor;

/// <summary>A cliente in the margin ranking (sorted by lucro_total).</summary>
public sealed record RankingMargemRow(
    long ClienteId,
    string Nome,
    decimal LucroTotal,
    decimal MargemMedia);
