namespace Sap.Domain.Vendedor;

/// <summary>A list of clientes.</summary>
public sealed record ClientesResponse(
    IReadOnlyList<ClienteInatividade> Clientes);
