using Microsoft.EntityFrameworkCore;
using Sap.Domain.Events;
using Sap.Domain.Writes;

namespace Sap.Domain.Produtos;

public static class ProdutoCommands
{
    public static async Task<ProdutoView> CreateAsync(WriteScope scope, ProdutoInput input, CancellationToken cancellationToken)
    {
        var produto = new Produto();
        Apply(produto, input, replacing: false);
        await EnsureUniqueAsync(scope, produto, cancellationToken);
        scope.Db.Produtos.Add(produto);
        await scope.Db.SaveChangesAsync(cancellationToken);
        scope.Record(EventTypes.ProdutoCriado, "produtos", $"Produto {produto.Nome} criado", produto.Id, $"produto:{produto.Id}",
            new EventData { ProdutoId = produto.Id });
        return ProdutoView.Of(produto);
    }

    public static async Task<ProdutoView> UpdateAsync(WriteScope scope, long id, ProdutoInput input, CancellationToken cancellationToken)
    {
        var produto = await scope.Db.Produtos.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Produto {id} não encontrado.");
        Apply(produto, input, replacing: true);
        await EnsureUniqueAsync(scope, produto, cancellationToken);
        await scope.Db.SaveChangesAsync(cancellationToken);
        scope.Record(EventTypes.ProdutoAtualizado, "produtos", $"Produto {produto.Nome} atualizado", produto.Id, $"produto:{produto.Id}",
            new EventData { ProdutoId = produto.Id });
        return ProdutoView.Of(produto);
    }

    /// <param name="replacing">
    /// A PUT takes the whole resource: the fields that cannot be empty (categoria, preco_medio_compra) must be sent, where a
    /// create takes their defaults (OUTROS, 0); an optional one left out is cleared.
    /// </param>
    public static void Apply(Produto produto, ProdutoInput input, bool replacing)
    {
        var v = new Validator();
        var nome = v.Text("nome", input.Nome, 2, 255);
        var codigo = v.Text("codigo_interno", input.CodigoInterno, 1, 50, required: false);
        var categoria = Categoria.OUTROS;
        if (input.Categoria is null && replacing)
        {
            v.Add("categoria", "Campo obrigatório.");
        }
        else if (input.Categoria is { } text)
        {
            if (Enum.GetNames<Categoria>().Contains(text.Trim(), StringComparer.Ordinal))
            {
                categoria = Enum.Parse<Categoria>(text.Trim());
            }
            else
            {
                v.Add("categoria", "Use CERVEJA, NAB ou OUTROS.");
            }
        }

        var preco = v.Money("preco_medio_compra", replacing ? input.PrecoMedioCompra : input.PrecoMedioCompra ?? 0m, 0m, 1_000_000m);
        var ean = v.Text("ean", input.Ean, 8, 14, required: false);
        if (ean is not null && !ean.All(char.IsAsciiDigit))
        {
            v.Add("ean", "O EAN tem de 8 a 14 dígitos.");
        }

        v.ThrowIfInvalid();
        produto.Nome = nome!;
        produto.CodigoInterno = codigo;
        produto.Categoria = categoria;
        produto.PrecoMedioCompra = preco;
        produto.Ean = ean;
    }

    private static async Task EnsureUniqueAsync(WriteScope scope, Produto produto, CancellationToken cancellationToken)
    {
        var others = scope.Db.Produtos.Where(p => p.Id != produto.Id);
        if (await others.AnyAsync(p => p.NomeChave == produto.NomeChave, cancellationToken))
        {
            throw new DomainRuleException(DomainRuleKind.Conflict, $"Já existe um produto chamado '{produto.Nome}'.");
        }

        if (produto.CodigoInterno is { } codigo && await others.AnyAsync(p => p.CodigoInterno == codigo, cancellationToken))
        {
            throw new DomainRuleException(DomainRuleKind.Conflict, $"Já existe um produto com o código interno '{codigo}'.");
        }

        if (produto.Ean is { } ean && await others.AnyAsync(p => p.Ean == ean, cancellationToken))
        {
            throw new DomainRuleException(DomainRuleKind.Conflict, $"Já existe um produto com o EAN '{ean}'.");
        }
    }
}
