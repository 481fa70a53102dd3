namespace Sap.Domain.Events;

/// <summary>The event catalogue of SPEC §5.</summary>
public static class EventTypes
{
    public const string PedidoCriado = "pedido.criado";
    public const string PedidoAtualizado = "pedido.atualizado";
    public const string PedidoCancelado = "pedido.cancelado";
    public const string PagamentoAprovado = "pagamento.aprovado";
    public const string PagamentoRejeitado = "pagamento.rejeitado";
    public const string ColetaConcluida = "coleta.concluida";
    public const string ApuracaoCriada = "apuracao.criada";
    public const string ApuracaoAtualizada = "apuracao.atualizada";
    public const string ApuracaoExcluida = "apuracao.excluida";
    public const string ProdutoCriado = "produto.criado";
    public const string ProdutoAtualizado = "produto.atualizado";
    public const string ClienteCriado = "cliente.criado";
    public const string ClienteAtualizado = "cliente.atualizado";

    public static IReadOnlyList<string> All { get; } =
    [
        PedidoCriado, PedidoAtualizado, PedidoCancelado, PagamentoAprovado, PagamentoRejeitado, ColetaConcluida,
        ApuracaoCriada, ApuracaoAtualizada, ApuracaoExcluida, ProdutoCriado, ProdutoAtualizado, ClienteCriado, ClienteAtualizado,
    ];
}
