namespace Sap.Domain.Clientes;

public sealed class Cliente
{
    private string nome = "";

    public long Id { get; set; }

    /// <summary>2–255 characters, stored trimmed; unique ignoring case through <see cref="NomeChave"/>.</summary>
    public string Nome
    {
        get => nome;
        set
        {
            nome = value.Trim();
            NomeChave = NameKey.Of(nome);
        }
    }

    /// <summary>The name as uniqueness sees it: trimmed, lower case. Follows <see cref="Nome"/>.</summary>
    public string NomeChave { get; private set; } = "";

    public string? Fantasia { get; set; }

    public string? Endereco { get; set; }

    public string? Cidade { get; set; }

    /// <summary>11 (CPF) or 14 (CNPJ) digits, no punctuation, check digits valid.</summary>
    public string? CpfCnpj { get; set; }

    public string? Telefone { get; set; }

    public DateTime DataCadastro { get; set; }
}
