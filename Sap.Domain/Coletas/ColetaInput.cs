namespace Sap.Domain.Coletas;

/// <summary>The body of POST /api/pedidos/{id}/coletas.</summary>
public sealed record ColetaInput(
    string? NomeRetirada, string? DocumentoRetirada, IReadOnlyList<ColetaItemInput?>? Itens, string? Observacoes, string? NomeConferente,
    string? CpfConferente);
