using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;
using Sap.Domain.Events;
using Sap.Domain.ReadModel;
using Sap.Domain.Time;
using Sap.Domain.Writes;

namespace Sap.Domain.Pedidos;

/// <summary>Creating a pedido, changing its itens, cancelling it. Payments and pickups live with their own commands.</summary>
public sealed class PedidoCommands(BusinessCalendar calendar, SalesReadModel readModel)
{
    public const int MaxItens = 200;
    public const int MaxQuantidade = 1_000_000;
    public const decimal MaxPreco = 1_000_000_000m;

    public async Task<PedidoView> CreateAsync(WriteScope scope, PedidoInput input, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var clienteId = v.Id("cliente_id", input.ClienteId);
        var data = input.Data is { } d ? d.ToUniversalTime() : scope.Now;
        if (input.Data is { Kind: DateTimeKind.Unspecified })
        {
            v.Add("data", "Informe o fuso da data (Z ou -03:00), por exemplo 2025-08-31T23:30:00-03:00.");
        }
        else if (data > scope.Now.AddMinutes(5) || calendar.DateOf(data) > calendar.DateOf(scope.Now) || data.Year < 2000)
        {
            // A few minutes of clock skew are forgiven, but never into tomorrow: the ranking windows end today.
            v.Add("data", "A data do pedido não pode estar no futuro nem antes de 2000.");
        }

        var itens = ValidateItens(v, input.Itens);
        v.ThrowIfInvalid();

        var pedido = new Pedido { ClienteId = clienteId, Data = data, Status = PedidoStatus.Pendente };
        pedido.ReplaceItens(await BuildItensAsync(scope, itens, clienteId, cancellationToken));
        scope.Db.Pedidos.Add(pedido);
        await scope.Db.SaveChangesAsync(cancellationToken);
        await readModel.AfterChangeAsync(scope, pedido, null, cancellationToken);
        scope.Record(EventTypes.PedidoCriado, "pedidos", $"Pedido {pedido.Id} criado", pedido.Id, Aggregate(pedido.Id), Data(pedido),
            new { total = pedido.ValorTotal });
        return PedidoView.Of(pedido);
    }

    public async Task<PedidoView> ReplaceItensAsync(WriteScope scope, long id, PedidoItensInput input, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var itens = ValidateItens(v, input.Itens);
        v.ThrowIfInvalid();
        var pedido = await LoadAsync(scope, id, cancellationToken);
        var novos = await BuildItensAsync(scope, itens, null, cancellationToken);
        var before = readModel.BeforeChange(pedido);
        pedido.ReplaceItens(novos);
        await scope.Db.SaveChangesAsync(cancellationToken);
        await readModel.AfterChangeAsync(scope, pedido, before, cancellationToken);
        scope.Record(EventTypes.PedidoAtualizado, "pedidos", $"Itens do pedido {pedido.Id} alterados", pedido.Id, Aggregate(pedido.Id), Data(pedido),
            new { total = pedido.ValorTotal });
        return PedidoView.Of(pedido);
    }

    public async Task<PedidoView> CancelAsync(WriteScope scope, long id, CancellationToken cancellationToken)
    {
        var pedido = await LoadAsync(scope, id, cancellationToken);
        var before = readModel.BeforeChange(pedido);
        pedido.Cancel();
        await scope.Db.SaveChangesAsync(cancellationToken);
        await readModel.AfterChangeAsync(scope, pedido, before, cancellationToken);
        scope.Record(EventTypes.PedidoCancelado, "pedidos", $"Pedido {pedido.Id} cancelado", pedido.Id, Aggregate(pedido.Id), Data(pedido));
        return PedidoView.Of(pedido);
    }

    /// <summary>The pedido locked for update, with its itens and payments.</summary>
    internal static async Task<Pedido> LoadAsync(WriteScope scope, long id, CancellationToken cancellationToken)
    {
        var pedido = await RowLocks.PedidoAsync(scope.Db, id, cancellationToken)
            ?? throw new NotFoundException($"Pedido {id} não encontrado.");
        await scope.Db.Entry(pedido).Collection(p => p.Itens).LoadAsync(cancellationToken);
        await scope.Db.Entry(pedido).Collection(p => p.Pagamentos).LoadAsync(cancellationToken);
        return pedido;
    }

    /// <summary>The event data that locates a pedido's change: ids and its business month.</summary>
    public EventData Data(Pedido pedido) => new()
    {
        PedidoId = pedido.Id,
        ClienteId = pedido.ClienteId,
        Data = pedido.Data,
        MesNegocio = calendar.DateOf(pedido.Data).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Aggregate(long pedidoId) => $"pedido:{pedidoId}";

    internal static DomainRuleException Unprocessable(string field, string message) =>
        new(DomainRuleKind.RuleBroken, message, new Dictionary<string, string[]> { [field] = [message] });

    private static List<(long ProdutoId, int Quantidade, decimal Preco)> ValidateItens(Validator v, IReadOnlyList<PedidoItemInput?>? itens)
    {
        if (itens is null || itens.Count == 0)
        {
            v.Add("itens", "Informe ao menos um item.");
            return [];
        }

        if (itens.Count > MaxItens)
        {
            v.Add("itens", $"No máximo {MaxItens} itens por pedido.");
            return [];
        }

        var valid = new List<(long, int, decimal)>();
        for (var i = 0; i < itens.Count; i++)
        {
            if (itens[i] is not { } item)
            {
                v.Add($"itens[{i}]", "Item vazio.");
                continue;
            }

            var produto = v.Id($"itens[{i}].produto_id", item.ProdutoId);
            var quantidade = v.Number($"itens[{i}].quantidade", item.Quantidade, 1, MaxQuantidade);
            var preco = v.Money($"itens[{i}].preco_venda", item.PrecoVenda, 0m, MaxPreco);
            valid.Add((produto, quantidade, preco));
        }

        return valid;
    }

    /// <summary>
    /// Itens priced with each produto's current average cost; every unknown produto is reported with its index. For a
    /// new pedido the same query says whether its cliente exists (a round trip less per write), which is reported first.
    /// </summary>
    private static async Task<List<ItemPedido>> BuildItensAsync(
        WriteScope scope, List<(long ProdutoId, int Quantidade, decimal Preco)> itens, long? clienteId, CancellationToken cancellationToken)
    {
        var ids = itens.Select(i => i.ProdutoId).Distinct().ToArray();
        var found = await scope.Db.Produtos.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { Produto = p, Cliente = clienteId == null || scope.Db.Clientes.Any(c => c.Id == clienteId) })
            .ToListAsync(cancellationToken);
        var clienteExists = found.Count > 0 ? found[0].Cliente : clienteId is not { } id || await scope.Db.Clientes.AnyAsync(c => c.Id == id, cancellationToken);
        if (!clienteExists)
        {
            throw Unprocessable("cliente_id", $"Cliente {clienteId} não existe.");
        }

        var produtos = found.ToDictionary(f => f.Produto.Id, f => f.Produto);
        var missing = itens.Select((item, index) => (item, index)).Where(x => !produtos.ContainsKey(x.item.ProdutoId)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException(DomainRuleKind.RuleBroken, "Há itens com produtos que não existem.",
                missing.ToDictionary(m => $"itens[{m.index}].produto_id", m => new[] { $"Produto {m.item.ProdutoId} não existe." }));
        }

        var built = itens.Select(i => ItemPedido.Create(produtos[i.ProdutoId], i.Quantidade, i.Preco)).ToList();
        if (built.Sum(i => i.ValorTotalVenda) > Money.MaxValue)
        {
            throw new DomainRuleException(DomainRuleKind.RuleBroken, "O total do pedido excede o máximo permitido.");
        }

        return built;
    }
}
