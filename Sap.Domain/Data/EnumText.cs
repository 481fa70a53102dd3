using Sap.Domain.Coletas;
using Sap.Domain.Pagamentos;

namespace Sap.Domain.Data;

/// <summary>The text the database stores for the enums whose names are not what users read.</summary>
internal static class EnumText
{
    public const string Aprovado = "aprovado";
    public const string Rejeitado = "rejeitado";
    public const string ParcialmenteColetado = "Parcialmente Coletado";
    public const string TotalmenteColetado = "Totalmente Coletado";

    public static string Of(StatusPagamentoRegistro s) => s == StatusPagamentoRegistro.Rejeitado ? Rejeitado : Aprovado;

    public static StatusPagamentoRegistro ParsePagamento(string s) =>
        s == Rejeitado ? StatusPagamentoRegistro.Rejeitado : StatusPagamentoRegistro.Aprovado;

    public static string Of(StatusColeta s) => s == StatusColeta.TotalmenteColetado ? TotalmenteColetado : ParcialmenteColetado;

    public static StatusColeta ParseColeta(string s) =>
        s == TotalmenteColetado ? StatusColeta.TotalmenteColetado : StatusColeta.ParcialmenteColetado;
}
