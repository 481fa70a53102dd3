namespace Sap.Domain.Vendedor;

/// <summary>A cliente's registration data.</summary>
public sealed record ClienteInfo(
    long Id,
    string Nome,
    string? Fantasia,
    string? Endereco,
    string? Cidade,
    string? CpfCnpj,
    string? Telefone);
