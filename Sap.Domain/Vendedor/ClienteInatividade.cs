namespace Sap.Domain.Vendedor;

/// <summary>A cliente with its last purchase and the business days since.</summary>
public sealed record ClienteInatividade(
    long Id,
    string Nome,
    string? Fantasia,
    string? Telefone,
    DateTime UltimaCompra,
    decimal ValorUltimaCompra,
    int DiasSemComprar);
