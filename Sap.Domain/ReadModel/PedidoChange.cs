namespace Sap.Domain.ReadModel;

/// <summary>What a pedido was before its change, as the read model needs it afterwards: the produtos it had.</summary>
public sealed record PedidoChange(IReadOnlyList<long> Produtos);
