namespace Sap.Domain.Apuracoes;

/// <summary>
/// What a month's pedidos add up to (the "calculado" block): a non-cancelled pedido whose approved
/// payments reach its total (&gt; 0) adds its total to receita and its cost to cpv.
/// </summary>
public sealed record ApuracaoCalculation(decimal Receita, decimal Cpv, int PedidosPeriodo, int PedidosPagos)
{
    public static ApuracaoCalculation Empty { get; } = new(0m, 0m, 0, 0);

    /// <summary>Adds one non-cancelled pedido of the month.</summary>
    public ApuracaoCalculation Add(decimal total, decimal custo, decimal pago) =>
        Pedidos.PedidoRules.IsFullyPaid(total, pago)
            ? new ApuracaoCalculation(Receita + total, Cpv + custo, PedidosPeriodo + 1, PedidosPagos + 1)
            : this with { PedidosPeriodo = PedidosPeriodo + 1 };
}
