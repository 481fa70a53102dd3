using Sap.Domain.Data;

namespace Sap.Domain.Coletas;

public sealed record ColetaView(
    long Id, long PedidoId, DateTime DataColeta, string NomeRetirada, string DocumentoRetirada, string Status, string PedidoStatus,
    IReadOnlyList<ColetaItemView> Itens);
