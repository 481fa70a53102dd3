using System.Globalization;

namespace Sap.Domain.Apuracoes;

public static class ApuracaoCalendar
{
    private static readonly string[] MonthNames =
    [
        "Janeiro", "Fevereiro", "Março", "Abril", "Maio", "Junho",
        "Julho", "Agosto", "Setembro", "Outubro", "Novembro", "Dezembro",
    ];

    /// <summary>Janeiro … Dezembro.</summary>
    public static string MesNome(int mes) =>
        mes is >= 1 and <= 12
            ? MonthNames[mes - 1]
            : throw new ArgumentOutOfRangeException(nameof(mes), mes.ToString(CultureInfo.InvariantCulture), "mes must be 1–12.");

    public static string StatusText(bool definitivo) => definitivo ? "Definitivo" : "Rascunho";

    /// <summary>True when (ano, mes) is after the month that contains <paramref name="today"/>.</summary>
    public static bool IsFuture(int ano, int mes, DateOnly today) => ano > today.Year || (ano == today.Year && mes > today.Month);
}
