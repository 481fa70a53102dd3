namespace Sap.Domain.ReadModel;

/// <summary>What a pedido added to the sales aggregates before its change (see <see cref="SalesReadModel.BeforeChange"/>).</summary>
public sealed record PedidoChange(PedidoSales Antes);
