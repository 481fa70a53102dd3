namespace Sap.Domain.Vendedor;

/// <summary>A cliente found by name, with its last purchase if any.</summary>
public sealed record ClienteEncontrado(
    long Id,
    string Nome,
    string? Fantasia,
    DateTime? UltimaCompra,
    decimal? ValorUltimaCompra);
