namespace Sap.Domain.Vendedor;

/// <summary>Clientes found by name.</summary>
public sealed record BuscaResponse(
    IReadOnlyList<ClienteEncontrado> Clientes);
