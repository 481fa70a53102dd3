namespace Sap.Domain.DemoData;

/// <summary>Rows for every table, written in foreign-key order.</summary>
internal sealed class DemoBatch
{
    public List<ProdutoRow> Produtos { get; } = [];

    public List<EstoqueRow> Estoques { get; } = [];

    public List<MovimentacaoRow> Movimentacoes { get; } = [];

    public List<ClienteRow> Clientes { get; } = [];

    public List<PedidoRow> Pedidos { get; } = [];

    public List<ItemPedidoRow> Itens { get; } = [];

    public List<PagamentoRow> Pagamentos { get; } = [];

    public List<ColetaRow> Coletas { get; } = [];

    public List<ItemColetadoRow> ItensColetados { get; } = [];

    public List<ApuracaoRow> Apuracoes { get; } = [];

    public List<LogAtividadeRow> Logs { get; } = [];

    public async Task WriteToAsync(IDemoDataSink sink, CancellationToken cancellationToken)
    {
        await sink.WriteAsync(Produtos, cancellationToken);
        await sink.WriteAsync(Estoques, cancellationToken);
        await sink.WriteAsync(Movimentacoes, cancellationToken);
        await sink.WriteAsync(Clientes, cancellationToken);
        await sink.WriteAsync(Pedidos, cancellationToken);
        await sink.WriteAsync(Itens, cancellationToken);
        await sink.WriteAsync(Pagamentos, cancellationToken);
        await sink.WriteAsync(Coletas, cancellationToken);
        await sink.WriteAsync(ItensColetados, cancellationToken);
        await sink.WriteAsync(Apuracoes, cancellationToken);
        await sink.WriteAsync(Logs, cancellationToken);
    }
}
