namespace Sap.Domain.Pagamentos;

/// <summary>The body of POST /api/pedidos/{id}/pagamentos.</summary>
public sealed record PagamentoInput(decimal? Valor, string? MetodoPagamento, string? IdTransacao, DateTime? DataPagamento, string? Observacoes);
