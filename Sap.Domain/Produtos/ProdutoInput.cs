namespace Sap.Domain.Produtos;

/// <summary>The body of POST/PUT /api/produtos.</summary>
public sealed record ProdutoInput(string? Nome, string? CodigoInterno, string? Categoria, decimal? PrecoMedioCompra, string? Ean);
