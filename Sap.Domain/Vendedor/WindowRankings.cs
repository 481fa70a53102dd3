using Sap.Domain.Data;
using Sap.Domain.ReadModel;

namespace Sap.Domain.Vendedor;

/// <summary>
/// The rankings of a window of business dates (SPEC §3), from the aggregates (ADR 7), one command per list kind:
/// a stored window is read by index (its first rows); any other window adds up the calendar blocks and days of its
/// <see cref="WindowPlan"/> per cliente or produto and sorts the sums. Produtos add the deltas not folded yet.
/// </summary>
internal static class WindowRankings
{
    /// <summary>The top clientes by valor, by lucro and (when asked) by distinct produtos, in one command.</summary>
    public static async Task<(List<RankingFaturamentoRow> Faturamento, List<RankingDiversidadeRow> Diversidade, List<RankingMargemRow> Margem)>
        ClientesAsync(SapDbContext db, WindowPlan plan, int rows, bool diversidade, CancellationToken cancellationToken)
    {
        if (plan.IsEmpty)
        {
            return ([], [], []);
        }

        var sql = new SapSql(db);
        var top = sql.P(rows);
        SqlFragment source;
        if (plan.Stored is { } stored)
        {
            source = sql.Text($"SELECT cliente_id, valor_centavos, custo_centavos, lucro_centavos, pedidos, produtos FROM ranking_cliente WHERE janela = {sql.P(stored.Key)}");
        }
        else
        {
            var parts = new List<SqlFragment>();
            if (plan.Blocos.Count > 0)
            {
                parts.Add(sql.Text($"SELECT cliente_id, valor_centavos, custo_centavos, pedidos, produtos_bits FROM ranking_cliente WHERE janela IN {sql.In(plan.Blocos.Select(b => b.Key))}"));
            }

            if (plan.Dias.Count > 0)
            {
                parts.Add(sql.Text($"SELECT cliente_id, valor_centavos, custo_centavos, pedidos, produtos_bits FROM venda_cliente_dia WHERE {SalesSets.Days(sql, "dia", plan.Dias)}"));
            }

            var produtos = diversidade ? sql.BitsCount(sql.BitsUnion("x.produtos_bits")) : SqlFragment.Raw("0");
            source = sql.Text($"""
                SELECT x.cliente_id, CAST(sum(x.valor_centavos) AS bigint) AS valor_centavos, CAST(sum(x.custo_centavos) AS bigint) AS custo_centavos,
                       CAST(sum(x.valor_centavos - x.custo_centavos) AS bigint) AS lucro_centavos, CAST(sum(x.pedidos) AS integer) AS pedidos,
                       {produtos} AS produtos
                FROM ({SqlFragment.Join(" UNION ALL ", parts)}) x GROUP BY x.cliente_id
                """);
        }

        // A stored window's rows are read in index order; a composed one's sums once, then sorted three ways.
        var with = plan.Stored is null ? sql.Text($"WITH w AS ({source})\n") : SqlFragment.Empty;
        // The list's name is one letter the code chose, written in as text so that every branch of the UNION has its type.
        SqlFragment Top(string lista, string order, string filter = "") => sql.Text($"""
            SELECT * FROM (
              SELECT '{SqlFragment.Raw(lista)}' AS lista, r.cliente_id, c.nome, r.valor_centavos, r.custo_centavos, r.lucro_centavos, r.pedidos, r.produtos
              FROM {(plan.Stored is null ? SqlFragment.Raw("w r") : sql.Text($"({source}) r"))} JOIN cliente c ON c.id = r.cliente_id
              WHERE r.pedidos > 0{SqlFragment.Raw(filter)}
              ORDER BY {SqlFragment.Raw(order)}, r.cliente_id
              LIMIT {top}) {SqlFragment.Raw(lista)}
            """);
        var lists = new List<SqlFragment> { Top("f", "r.valor_centavos DESC"), Top("m", "r.lucro_centavos DESC") };
        if (diversidade)
        {
            lists.Add(Top("d", "r.produtos DESC", " AND r.produtos > 0"));
        }

        var result = await sql.ListAsync<RankingRow>($"{with}{SqlFragment.Join("\nUNION ALL\n", lists)}", cancellationToken);
        IEnumerable<RankingRow> List(string lista, Func<RankingRow, long> key) =>
            result.Where(r => r.Lista == lista).OrderByDescending(key).ThenBy(r => r.ClienteId);
        return (
            [.. List("f", r => r.ValorCentavos).Select(r => new RankingFaturamentoRow(
                r.ClienteId, r.Nome, Money.FromCents(r.ValorCentavos), Money.FromCents(r.CustoCentavos), r.Pedidos))],
            [.. List("d", r => r.Produtos).Select(r => new RankingDiversidadeRow(r.ClienteId, r.Nome, r.Produtos, Money.FromCents(r.ValorCentavos)))],
            [.. List("m", r => r.LucroCentavos).Select(r => new RankingMargemRow(
                r.ClienteId, r.Nome, Money.FromCents(r.LucroCentavos),
                VendedorFormulas.MargemMedia(Money.FromCents(r.ValorCentavos), Money.FromCents(r.CustoCentavos))))]);
    }

    /// <summary>The top produtos by valor: the window's rows plus the deltas of its days that were not folded yet.</summary>
    public static async Task<List<RankingProdutoRow>> ProdutosAsync(SapDbContext db, WindowPlan plan, int rows, CancellationToken cancellationToken)
    {
        if (plan.IsEmpty)
        {
            return [];
        }

        var sql = new SapSql(db);
        var parts = new List<SqlFragment>();
        if (plan.Blocos.Count > 0)
        {
            parts.Add(sql.Text($"SELECT produto_id, valor_centavos, quantidade FROM ranking_produto WHERE janela IN {sql.In(plan.Blocos.Select(b => b.Key))}"));
        }

        if (plan.Dias.Count > 0)
        {
            parts.Add(sql.Text($"SELECT produto_id, valor_centavos, quantidade FROM venda_produto_dia WHERE {SalesSets.Days(sql, "dia", plan.Dias)}"));
        }

        parts.Add(sql.Text($"SELECT produto_id, valor_centavos, quantidade FROM venda_produto_delta WHERE dia >= {plan.Inicio} AND dia < {plan.Fim}"));
        var result = await sql.ListAsync<ProdutoRow>($"""
            SELECT x.produto_id, pr.nome, x.valor_centavos, x.quantidade
            FROM (
              SELECT u.produto_id, CAST(sum(u.valor_centavos) AS bigint) AS valor_centavos, CAST(sum(u.quantidade) AS bigint) AS quantidade
              FROM ({SqlFragment.Join(" UNION ALL ", parts)}) u
              GROUP BY u.produto_id
              HAVING sum(u.quantidade) > 0
              ORDER BY sum(u.valor_centavos) DESC, u.produto_id
              LIMIT {sql.P(rows)}
            ) x JOIN produto pr ON pr.id = x.produto_id
            """, cancellationToken);
        return [.. result.OrderByDescending(r => r.ValorCentavos).ThenBy(r => r.ProdutoId)
            .Select(r => new RankingProdutoRow(r.ProdutoId, r.Nome, Money.FromCents(r.ValorCentavos), r.Quantidade))];
    }

    // The rows the SQL above returns, column for property (snake_case columns map to these names).
    private sealed record RankingRow(
        string Lista, long ClienteId, string Nome, long ValorCentavos, long CustoCentavos, long LucroCentavos, int Pedidos, int Produtos);

    private sealed record ProdutoRow(long ProdutoId, string Nome, long ValorCentavos, long Quantidade);
}
