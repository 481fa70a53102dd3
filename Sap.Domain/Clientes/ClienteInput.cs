namespace Sap.Domain.Clientes;

/// <summary>The body of POST/PUT /api/clientes (PUT takes the whole resource).</summary>
public sealed record ClienteInput(string? Nome, string? Fantasia, string? Endereco, string? Cidade, string? CpfCnpj, string? Telefone);
