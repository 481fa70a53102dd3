using System.Globalization;

namespace Sap.Domain.ReadModel;

/// <summary>
/// A window of business dates whose sales figures are stored, sorted, in ranking_cliente and ranking_produto
/// (ADR 7): every pedido ("todos"), a calendar year, quarter or month, or a moving window that counts back from
/// today. <see cref="Inicio"/> is inclusive and <see cref="Fim"/> exclusive; a null end is open (through today: no
/// pedido is dated after today).
/// </summary>
public sealed record Janela(string Key, DateOnly Inicio, DateOnly? Fim)
{
    /// <summary>The first business date a pedido may have (writes refuse earlier ones).</summary>
    public static readonly DateOnly Origem = new(2000, 1, 1);

    public const string TodosKey = "todos";

    public static Janela Todos { get; } = new(TodosKey, Origem, null);

    public static Janela Ano(int ano) => new(ano.ToString("0000", CultureInfo.InvariantCulture), new DateOnly(ano, 1, 1), new DateOnly(ano, 1, 1).AddYears(1));

    public static Janela Trimestre(int ano, int trimestre)
    {
        var inicio = new DateOnly(ano, ((trimestre - 1) * 3) + 1, 1);
        return new(string.Create(CultureInfo.InvariantCulture, $"{ano:0000}-T{trimestre}"), inicio, inicio.AddMonths(3));
    }

    public static Janela Mes(int ano, int mes)
    {
        var inicio = new DateOnly(ano, mes, 1);
        return new(string.Create(CultureInfo.InvariantCulture, $"{ano:0000}-{mes:00}"), inicio, inicio.AddMonths(1));
    }

    /// <summary>The calendar windows a business date falls in, widest first: todos, its year, quarter and month.</summary>
    public static IReadOnlyList<Janela> Calendario(DateOnly dia) =>
        [Todos, Ano(dia.Year), Trimestre(dia.Year, ((dia.Month - 1) / 3) + 1), Mes(dia.Year, dia.Month)];

    public bool Contains(DateOnly dia) => dia >= Inicio && (Fim is not { } fim || dia < fim);

    /// <summary>The exclusive end, with an open end taken as the day after today.</summary>
    public DateOnly FimAte(DateOnly today) => Fim is { } fim && fim <= today.AddDays(1) ? fim : today.AddDays(1);
}
