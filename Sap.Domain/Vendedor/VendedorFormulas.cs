namespace Sap.Domain.Vendedor;

/// <summary>The per-cliente and per-produto figures of the vendedor screens (SPEC §3).</summary>
public static class VendedorFormulas
{
    /// <summary>lucro_total = valor_total − custo_total.</summary>
    public static decimal Lucro(decimal valorTotal, decimal custoTotal) => valorTotal - custoTotal;

    /// <summary>margem_media = lucro / valor × 100, two decimals; 0 when valor_total ≤ 0.</summary>
    public static decimal MargemMedia(decimal valorTotal, decimal custoTotal) =>
        Money.Percentage(Lucro(valorTotal, custoTotal), valorTotal);

    /// <summary>ticket_medio = total_gasto / total_pedidos, two decimals; 0 without pedidos.</summary>
    public static decimal TicketMedio(decimal totalGasto, long totalPedidos) => Money.Average(totalGasto, totalPedidos);

    /// <summary>preco_medio = Σ venda / Σ quantidade (weighted by quantity), two decimals; 0 without quantity.</summary>
    public static decimal PrecoMedio(decimal totalVenda, long quantidadeTotal) => Money.Average(totalVenda, quantidadeTotal);
}
