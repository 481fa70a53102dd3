namespace Sap.Domain.DemoData;

/// <summary>What a load wrote.</summary>
public sealed record DemoDataSummary(
    long Clientes, long Produtos, long Pedidos, long Itens, long Pagamentos, long Coletas, long Apuracoes, TimeSpan Elapsed);
