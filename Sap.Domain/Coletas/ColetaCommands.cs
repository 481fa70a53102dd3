using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;
using Sap.Domain.Estoques;
using Sap.Domain.Events;
using Sap.Domain.Pedidos;
using Sap.Domain.Writes;

namespace Sap.Domain.Coletas;

/// <summary>
/// A pickup of a paid pedido's itens. The pedido and the stock rows are locked (stock in produto order), each
/// quantity is checked against what is still pending and what is in stock, and stock goes down with a movement
/// row: concurrent pickups can never take stock below zero.
/// </summary>
public sealed class ColetaCommands(PedidoCommands pedidos)
{
    public async Task<ColetaView> PickUpAsync(WriteScope scope, long pedidoId, ColetaInput input, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var nome = v.Text("nome_retirada", input.NomeRetirada, 2, 100);
        var documento = v.Text("documento_retirada", input.DocumentoRetirada, 5, 20);
        var observacoes = v.Text("observacoes", input.Observacoes, 1, 500, required: false);
        var conferente = v.Text("nome_conferente", input.NomeConferente, 2, 100, required: false);
        var cpfConferente = v.Text("cpf_conferente", input.CpfConferente, 11, 20, required: false);
        var requested = Requested(v, input.Itens);
        v.ThrowIfInvalid();

        var pedido = await PedidoCommands.LoadAsync(scope, pedidoId, cancellationToken);
        if (!PedidoRules.CanPickUp(pedido.Status))
        {
            throw new DomainRuleException(DomainRuleKind.Conflict,
                $"O pedido {pedido.Id} está {PedidoStatusText.ToText(pedido.Status)}; só pedidos pagos podem ser coletados.");
        }

        var itemIds = pedido.Itens.Select(i => i.Id).ToArray();
        var collected = await scope.Db.ItensColetados.Where(c => itemIds.Contains(c.ItemPedidoId))
            .GroupBy(c => c.ItemPedidoId).Select(g => new { g.Key, Total = g.Sum(c => c.QuantidadeColetada) })
            .ToDictionaryAsync(x => x.Key, x => x.Total, cancellationToken);
        var produtoIds = pedido.Itens.Where(i => requested.ContainsKey(i.Id)).Select(i => i.ProdutoId).Distinct().Order().ToArray();
        var estoques = (await RowLocks.EstoquesAsync(scope.Db, produtoIds, cancellationToken)).ToDictionary(e => e.ProdutoId);

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (itemId, (quantidade, position)) in requested)
        {
            var field = $"itens[{position}]";
            var item = pedido.Itens.FirstOrDefault(i => i.Id == itemId);
            if (item is null)
            {
                errors[field + ".item_pedido_id"] = [$"O item {itemId} não pertence ao pedido {pedido.Id}."];
                continue;
            }

            var pendente = item.Quantidade - collected.GetValueOrDefault(itemId);
            var emEstoque = estoques.TryGetValue(item.ProdutoId, out var e) ? e.Quantidade : 0;
            if (quantidade > pendente)
            {
                errors[field + ".quantidade"] = [$"Quantidade {quantidade} excede o pendente ({pendente})."];
            }
            else if (quantidade > emEstoque)
            {
                errors[field + ".quantidade"] = [$"Quantidade {quantidade} excede o estoque disponível ({emEstoque})."];
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(DomainRuleKind.RuleBroken, "A coleta não pode ser feita como pedida.", errors);
        }

        var coleta = new Coleta
        {
            PedidoId = pedido.Id,
            DataColeta = scope.Now,
            Responsavel = scope.Subject,
            NomeRetirada = nome!,
            DocumentoRetirada = documento!,
            Observacoes = observacoes,
            NomeConferente = conferente,
            CpfConferente = cpfConferente,
        };
        var views = new List<ColetaItemView>();
        foreach (var (itemId, (quantidade, _)) in requested)
        {
            var item = pedido.Itens.Single(i => i.Id == itemId);
            var estoque = estoques[item.ProdutoId];
            scope.Db.MovimentacoesEstoque.Add(new MovimentacaoEstoque
            {
                ProdutoId = item.ProdutoId,
                TipoMovimentacao = TipoMovimentacao.Saida,
                QuantidadeAnterior = estoque.Quantidade,
                QuantidadeMovimentada = quantidade,
                QuantidadeAtual = estoque.Quantidade - quantidade,
                Motivo = $"Coleta do pedido {pedido.Id}",
                Responsavel = scope.Subject,
                DataMovimentacao = scope.Now,
            });
            estoque.Quantidade -= quantidade;
            estoque.DataModificacao = scope.Now;
            estoque.Status = "Saída por coleta";
            coleta.Itens.Add(new ItemColetado { ItemPedidoId = itemId, QuantidadeColetada = quantidade });
            collected[itemId] = collected.GetValueOrDefault(itemId) + quantidade;
            views.Add(new ColetaItemView(itemId, item.ProdutoId, quantidade, item.Quantidade - collected[itemId], estoque.Quantidade));
        }

        var everything = pedido.Itens.All(i => collected.GetValueOrDefault(i.Id) >= i.Quantidade);
        coleta.Status = everything ? StatusColeta.TotalmenteColetado : StatusColeta.ParcialmenteColetado;
        pedido.RecordPickup(everything);
        scope.Db.Coletas.Add(coleta);
        await scope.Db.SaveChangesAsync(cancellationToken);
        scope.Record(EventTypes.ColetaConcluida, "coletas", $"Coleta {coleta.Id} do pedido {pedido.Id}", coleta.Id, PedidoCommands.Aggregate(pedido.Id),
            pedidos.Data(pedido) with { ColetaId = coleta.Id }, new { itens = views.Count });
        return new ColetaView(coleta.Id, pedido.Id, coleta.DataColeta, coleta.NomeRetirada, coleta.DocumentoRetirada, EnumText.Of(coleta.Status),
            PedidoStatusText.ToText(pedido.Status), views);
    }

    /// <summary>The quantity asked per item and where it was in the request; an item listed twice is an error.</summary>
    private static Dictionary<long, (int Quantidade, int Position)> Requested(Validator v, IReadOnlyList<ColetaItemInput?>? itens)
    {
        var requested = new Dictionary<long, (int Quantidade, int Position)>();
        if (itens is null || itens.Count == 0)
        {
            v.Add("itens", "Selecione ao menos um item para coleta.");
            return requested;
        }

        if (itens.Count > PedidoCommands.MaxItens)
        {
            v.Add("itens", $"No máximo {PedidoCommands.MaxItens} itens por coleta.");
            return requested;
        }

        for (var i = 0; i < itens.Count; i++)
        {
            if (itens[i] is not { } item)
            {
                v.Add($"itens[{i}]", "Item vazio.");
                continue;
            }

            var id = v.Id($"itens[{i}].item_pedido_id", item.ItemPedidoId);
            var quantidade = v.Number($"itens[{i}].quantidade", item.Quantidade, 1, PedidoCommands.MaxQuantidade);
            if (id > 0 && !requested.TryAdd(id, (quantidade, i)))
            {
                v.Add($"itens[{i}].item_pedido_id", "Item repetido na coleta.");
            }
        }

        return requested;
    }
}
