namespace Sap.Domain.Apuracoes;

/// <summary>What the month's non-cancelled pedidos add up to: the fully paid ones give receita and cpv.</summary>
public sealed record ApuracaoCalculado(
    decimal Receita,
    decimal Cpv,
    long PedidosPeriodo,
    long PedidosPagos);
