using Microsoft.EntityFrameworkCore;
using Sap.Domain.Events;
using Sap.Domain.Writes;

namespace Sap.Domain.Clientes;

/// <summary>Creating and changing clientes (SPEC §2 rules), each recorded with its event.</summary>
public static class ClienteCommands
{
    public static async Task<ClienteView> CreateAsync(WriteScope scope, ClienteInput input, CancellationToken cancellationToken)
    {
        var cliente = new Cliente { DataCadastro = scope.Now };
        Apply(cliente, input);
        await EnsureUniqueAsync(scope, cliente, cancellationToken);
        scope.Db.Clientes.Add(cliente);
        await scope.Db.SaveChangesAsync(cancellationToken);
        scope.Record(EventTypes.ClienteCriado, "clientes", $"Cliente {cliente.Nome} criado", cliente.Id, Aggregate(cliente.Id),
            new EventData { ClienteId = cliente.Id });
        return ClienteView.Of(cliente);
    }

    public static async Task<ClienteView> UpdateAsync(WriteScope scope, long id, ClienteInput input, CancellationToken cancellationToken)
    {
        var cliente = await scope.Db.Clientes.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Cliente {id} não encontrado.");
        Apply(cliente, input);
        await EnsureUniqueAsync(scope, cliente, cancellationToken);
        await scope.Db.SaveChangesAsync(cancellationToken);
        scope.Record(EventTypes.ClienteAtualizado, "clientes", $"Cliente {cliente.Nome} atualizado", cliente.Id, Aggregate(cliente.Id),
            new EventData { ClienteId = cliente.Id });
        return ClienteView.Of(cliente);
    }

    /// <exception cref="ValidationException">Any field breaks its rule.</exception>
    public static void Apply(Cliente cliente, ClienteInput input)
    {
        var v = new Validator();
        var nome = v.Text("nome", input.Nome, 2, 255);
        var fantasia = v.Text("fantasia", input.Fantasia, 1, 255, required: false);
        var endereco = v.Text("endereco", input.Endereco, 5, 255, required: false);
        var cidade = v.Text("cidade", input.Cidade, 2, 100, required: false);
        string? documento = null;
        if (!string.IsNullOrWhiteSpace(input.CpfCnpj))
        {
            documento = CpfCnpj.Normalize(input.CpfCnpj);
            if (documento is null)
            {
                v.Add("cpf_cnpj", "CPF (11 dígitos) ou CNPJ (14 dígitos) inválido: confira os dígitos verificadores.");
            }
        }

        var telefone = Telefone(v, input.Telefone);
        v.ThrowIfInvalid();
        cliente.Nome = nome!;
        cliente.Fantasia = fantasia;
        cliente.Endereco = endereco;
        cliente.Cidade = cidade;
        cliente.CpfCnpj = documento;
        cliente.Telefone = telefone;
    }

    /// <summary>A phone as its digits (at least 8, at most 15); spaces, dashes, dots, parentheses and a leading + are allowed.</summary>
    private static string? Telefone(Validator v, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        var allowed = text.Trim().TrimStart('+').All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' or '.');
        if (!allowed || digits.Length is < 8 or > 15)
        {
            v.Add("telefone", "Telefone inválido: use de 8 a 15 dígitos.");
            return null;
        }

        return digits;
    }

    private static async Task EnsureUniqueAsync(WriteScope scope, Cliente cliente, CancellationToken cancellationToken)
    {
        if (await scope.Db.Clientes.AnyAsync(c => c.NomeChave == cliente.NomeChave && c.Id != cliente.Id, cancellationToken))
        {
            throw new DomainRuleException(DomainRuleKind.Conflict, $"Já existe um cliente chamado '{cliente.Nome}'.");
        }
    }

    private static string Aggregate(long id) => $"cliente:{id}";
}
