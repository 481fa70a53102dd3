using Microsoft.EntityFrameworkCore;
using Sap.Domain.Events;
using Sap.Domain.Pedidos;
using Sap.Domain.ReadModel;
using Sap.Domain.Writes;

namespace Sap.Domain.Pagamentos;

/// <summary>
/// Approving and rejecting payments. The pedido row is locked for the whole transaction, so two payments racing on
/// one pedido run one after the other and the second sees the first's total: never more than the pedido's value.
/// </summary>
public sealed class PagamentoCommands(PedidoCommands pedidos, SalesReadModel readModel)
{
    public async Task<PagamentoView> PayAsync(WriteScope scope, long pedidoId, PagamentoInput input, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var valor = v.Money("valor", input.Valor, 0m, Money.MaxValue, positive: true);
        var metodo = v.Text("metodo_pagamento", input.MetodoPagamento, 2, 50);
        var transacao = v.Text("id_transacao", input.IdTransacao, 1, 255, required: false);
        var observacoes = v.Text("observacoes", input.Observacoes, 1, 1000, required: false);
        var data = input.DataPagamento?.ToUniversalTime() ?? scope.Now;
        if (input.DataPagamento is { Kind: DateTimeKind.Unspecified })
        {
            v.Add("data_pagamento", "Informe o fuso da data (Z ou -03:00).");
        }
        else if (data > scope.Now.AddMinutes(5) || data.Year < 2000)
        {
            // As for a pedido's date: year 1 (DateTime.MinValue) was stored as PostgreSQL's -infinity.
            v.Add("data_pagamento", "A data do pagamento não pode estar no futuro nem antes de 2000.");
        }

        v.ThrowIfInvalid();
        var pedido = await PedidoCommands.LoadAsync(scope, pedidoId, cancellationToken);
        if (transacao is not null && await scope.Db.Pagamentos.AnyAsync(p => p.IdTransacao == transacao, cancellationToken))
        {
            throw new DomainRuleException(DomainRuleKind.Conflict, $"A transação '{transacao}' já foi usada em outro pagamento.");
        }

        var pagamento = new Pagamento
        {
            PedidoId = pedido.Id,
            Valor = valor,
            DataPagamento = data,
            MetodoPagamento = metodo!,
            IdTransacao = transacao,
            Observacoes = observacoes,
        };
        var before = readModel.BeforePayment(pedido);
        pedido.RecordPayment(pagamento);
        await scope.Db.SaveChangesAsync(cancellationToken);
        await readModel.AfterPaymentAsync(scope, pedido, before, cancellationToken);
        scope.Record(EventTypes.PagamentoAprovado, "financeiro", $"Pagamento de {valor:0.00} no pedido {pedido.Id}", pagamento.Id,
            PedidoCommands.Aggregate(pedido.Id), pedidos.Data(pedido) with { PagamentoId = pagamento.Id }, new { valor });
        return PagamentoView.Of(pagamento, pedido);
    }

    public async Task<PagamentoView> RejectAsync(WriteScope scope, long pagamentoId, CancellationToken cancellationToken)
    {
        var pedidoId = await scope.Db.Pagamentos.Where(p => p.Id == pagamentoId).Select(p => (long?)p.PedidoId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Pagamento {pagamentoId} não encontrado.");
        var pedido = await PedidoCommands.LoadAsync(scope, pedidoId, cancellationToken);
        var pagamento = pedido.Pagamentos.Single(p => p.Id == pagamentoId);
        var before = readModel.BeforePayment(pedido);
        pedido.RejectPayment(pagamento);
        await scope.Db.SaveChangesAsync(cancellationToken);
        await readModel.AfterPaymentAsync(scope, pedido, before, cancellationToken);
        scope.Record(EventTypes.PagamentoRejeitado, "financeiro", $"Pagamento {pagamento.Id} do pedido {pedido.Id} rejeitado", pagamento.Id,
            PedidoCommands.Aggregate(pedido.Id), pedidos.Data(pedido) with { PagamentoId = pagamento.Id }, new { valor = pagamento.Valor });
        return PagamentoView.Of(pagamento, pedido);
    }
}
