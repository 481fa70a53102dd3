namespace Sap.Domain.Clientes;

/// <summary>A cliente as the write API returns it.</summary>
public sealed record ClienteView(
    long Id, string Nome, string? Fantasia, string? Endereco, string? Cidade, string? CpfCnpj, string? Telefone, DateTime DataCadastro)
{
    public static ClienteView Of(Cliente c) => new(c.Id, c.Nome, c.Fantasia, c.Endereco, c.Cidade, c.CpfCnpj, c.Telefone, c.DataCadastro);
}
