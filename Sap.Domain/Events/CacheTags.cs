using System.Globalization;

namespace Sap.Domain.Events;

/// <summary>
/// The dependencies of cached responses, as tags: what each cached read depends on, and which tags each event changes
/// (SPEC §5) — both halves of the table here, declared once. A response is tagged with everything its figures read;
/// an event names exactly what it changed, so the responses it cannot change keep their cache.
/// </summary>
public static class CacheTags
{
    /// <summary>Anything read from all pedidos regardless of date (dashboard resumo, clientes lists, search).</summary>
    public const string Vendas = "vendas";

    /// <summary>How many clientes there are (the dashboard's total).</summary>
    public const string ClientesTotal = "clientes:total";

    /// <summary>Cliente names shown beside figures (rankings, lists).</summary>
    public const string ClientesNomes = "clientes:nomes";

    /// <summary>What a name search can find: every cliente's name.</summary>
    public const string ClientesBusca = "clientes:busca";

    /// <summary>Produto names.</summary>
    public const string Produtos = "produtos";

    /// <summary>The years that have an apuração (listed in every apuração response).</summary>
    public const string ApuracaoAnos = "apuracao:anos";

    /// <summary>A windowed figure bounded by dates tags itself with each month it covers; wider ones use <see cref="Vendas"/>.</summary>
    public const int MaxMonthTags = 24;

    public static string VendasMes(int ano, int mes) => string.Create(CultureInfo.InvariantCulture, $"vendas:{ano:0000}-{mes:00}");

    public static string Cliente(long id) => string.Create(CultureInfo.InvariantCulture, $"cliente:{id}");

    /// <summary>True for the tag of one cliente's own reads (detail, produtos).</summary>
    public static bool IsCliente(string tag) => tag.StartsWith("cliente:", StringComparison.Ordinal);

    public static string Apuracao(int ano, int mes) => string.Create(CultureInfo.InvariantCulture, $"apuracao:{ano:0000}-{mes:00}");

    /// <summary>The tags of sales figures over a window of business dates (null bound: open).</summary>
    public static IReadOnlyList<string> VendasWindow(DateOnly? inicio, DateOnly? fim)
    {
        if (inicio is not { } a || fim is not { } b)
        {
            return [Vendas];
        }

        var months = ((b.Year - a.Year) * 12) + b.Month - a.Month + 1;
        if (months > MaxMonthTags)
        {
            return [Vendas];
        }

        var first = new DateOnly(a.Year, a.Month, 1);
        return [.. Enumerable.Range(0, months).Select(i => first.AddMonths(i)).Select(m => VendasMes(m.Year, m.Month))];
    }

    /// <summary>The dashboard: its three rankings of all sales (they are not split by month), the cliente count in its resumo, names.</summary>
    public static IReadOnlyList<string> DashboardRead() => [Vendas, ClientesTotal, ClientesNomes, Produtos];

    /// <summary>The rankings of a window: its months' sales (or all of them), and the clientes' names.</summary>
    public static IReadOnlyList<string> RankingsRead(DateOnly? inicio, DateOnly? fim) => [.. VendasWindow(inicio, fim), ClientesNomes];

    /// <summary>A cliente's detail and its produtos: that cliente's pedidos and the produtos' names.</summary>
    public static IReadOnlyList<string> ClienteRead(long clienteId) => [Cliente(clienteId), Produtos];

    /// <summary>The clientes without purchases: every cliente's last pedido, and their names.</summary>
    public static IReadOnlyList<string> ClientesRead() => [Vendas, ClientesNomes];

    /// <summary>A name search: every cliente's name, and their last pedidos.</summary>
    public static IReadOnlyList<string> BuscaRead() => [Vendas, ClientesBusca];

    /// <summary>A month's apuração: that month, and the years listed beside it.</summary>
    public static IReadOnlyList<string> ApuracaoRead(int ano, int mes) => [Apuracao(ano, mes), ApuracaoAnos];

    /// <summary>What an event changes. Unknown types change nothing (and are counted by the caller).</summary>
    public static IReadOnlyList<string> Changed(string type, EventData data)
    {
        var tags = new List<string>();
        var (ano, mes) = Month(data);
        switch (type)
        {
            case EventTypes.PedidoCriado or EventTypes.PedidoAtualizado or EventTypes.PedidoCancelado:
                tags.Add(Vendas);
                AddIf(tags, ano is not null, () => VendasMes(ano!.Value, mes!.Value));
                AddIf(tags, ano is not null, () => Apuracao(ano!.Value, mes!.Value));
                AddIf(tags, data.ClienteId is not null, () => Cliente(data.ClienteId!.Value));
                break;
            case EventTypes.PagamentoAprovado or EventTypes.PagamentoRejeitado:
                // Payments change the payment status and the apuração's receita, not any sales figure.
                AddIf(tags, ano is not null, () => Apuracao(ano!.Value, mes!.Value));
                AddIf(tags, data.ClienteId is not null, () => Cliente(data.ClienteId!.Value));
                break;
            case EventTypes.ColetaConcluida:
                AddIf(tags, data.ClienteId is not null, () => Cliente(data.ClienteId!.Value));
                break;
            case EventTypes.ApuracaoCriada or EventTypes.ApuracaoExcluida:
                AddIf(tags, data.Ano is not null && data.Mes is not null, () => Apuracao(data.Ano!.Value, data.Mes!.Value));
                // The years listed in every apuração change only with a year's first or last apuração; events that
                // do not say (from other systems) are taken to change them.
                AddIf(tags, data.AnosAlterados != false, () => ApuracaoAnos);
                break;
            case EventTypes.ApuracaoAtualizada:
                AddIf(tags, data.Ano is not null && data.Mes is not null, () => Apuracao(data.Ano!.Value, data.Mes!.Value));
                break;
            case EventTypes.ProdutoAtualizado:
                tags.Add(Produtos);
                break;
            case EventTypes.ClienteCriado:
                // A new cliente has no sales yet: only the count and the search can change.
                tags.Add(ClientesTotal);
                tags.Add(ClientesBusca);
                break;
            case EventTypes.ClienteAtualizado:
                tags.Add(ClientesNomes);
                tags.Add(ClientesBusca);
                AddIf(tags, data.ClienteId is not null, () => Cliente(data.ClienteId!.Value));
                break;
            default:
                // produto.criado changes no cached figure: nothing has sold it yet.
                break;
        }

        return tags;
    }

    private static (int? Ano, int? Mes) Month(EventData data) =>
        data.MesNegocio is { Length: 7 } m
        && int.TryParse(m[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var ano)
        && int.TryParse(m[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var mes)
        && mes is >= 1 and <= 12
            ? (ano, mes)
            : (null, null);

    private static void AddIf(List<string> tags, bool condition, Func<string> tag)
    {
        if (condition)
        {
            tags.Add(tag());
        }
    }
}
