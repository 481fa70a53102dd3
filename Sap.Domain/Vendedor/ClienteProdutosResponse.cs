namespace Sap.Domain.Vendedor;

/// <summary>What a cliente bought, per produto.</summary>
public sealed record ClienteProdutosResponse(
    IReadOnlyList<ClienteProduto> Produtos);
