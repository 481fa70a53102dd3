using Sap.Domain.Data;
using Sap.Domain.ReadModel;

namespace Sap.Domain.Vendedor;

/// <summary>
/// The rankings of a window of business dates (SPEC §3), from the aggregates (ADR 7), one command per list kind:
/// a stored window is read by index (its first rows); any other window adds up the calendar blocks and days of its
/// <see cref="WindowPlan"/> per cliente or produto and sorts the sums. Both add the deltas not folded yet.
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
        SqlFragment with;
        Func<string, string, SqlFragment> source;
        if (plan.Stored is { } stored)
        {
            // The window's rows, read in index order, but for the clientes with deltas not folded yet: those are read
            // by key with their deltas added (a few seconds of new pedidos at most).
            var janela = sql.P(stored.Key);
            with = sql.Text($"""
                WITH pend AS (
                  SELECT x.cliente_id, CAST(sum(x.valor_centavos) AS bigint) AS valor_centavos, CAST(sum(x.custo_centavos) AS bigint) AS custo_centavos,
                         CAST(sum(x.pedidos) AS integer) AS pedidos, {sql.BitsUnion("x.produtos_bits")} AS produtos_bits
                  FROM ranking_cliente_delta x WHERE x.dia >= {plan.Inicio} AND x.dia < {plan.Fim} GROUP BY x.cliente_id),
                cur AS (
                  SELECT p.cliente_id, coalesce(r.valor_centavos, 0) + p.valor_centavos AS valor_centavos,
                         coalesce(r.custo_centavos, 0) + p.custo_centavos AS custo_centavos,
                         coalesce(r.lucro_centavos, 0) + p.valor_centavos - p.custo_centavos AS lucro_centavos,
                         coalesce(r.pedidos, 0) + p.pedidos AS pedidos, {sql.BitsCount(sql.BitsOr("r.produtos_bits", "p.produtos_bits"))} AS produtos
                  FROM pend p LEFT JOIN ranking_cliente r ON r.janela = {janela} AND r.cliente_id = p.cliente_id)

                """);
            source = (order, filter) => sql.Text($"""
                SELECT * FROM (
                  SELECT cliente_id, valor_centavos, custo_centavos, lucro_centavos, pedidos, produtos FROM ranking_cliente
                  WHERE janela = {janela} AND pedidos > 0{SqlFragment.Raw(filter)} AND cliente_id NOT IN (SELECT cliente_id FROM pend)
                  ORDER BY {SqlFragment.Raw(order)}, cliente_id LIMIT {top}) s
                UNION ALL SELECT cliente_id, valor_centavos, custo_centavos, lucro_centavos, pedidos, produtos FROM cur
                """);
        }
        else
        {
            var parts = new List<SqlFragment>();
            if (plan.Blocos.Count > 0)
            {
                parts.Add(sql.Text($"SELECT cliente_id, valor_centavos, custo_centavos, pedidos, produtos_bits FROM ranking_cliente WHERE janela IN {sql.In(plan.Blocos.Select(b => b.Key))}"));
                // What new pedidos of the blocks' days added and no fold moved in yet (the day rows have it already).
                var blocos = SalesSets.Days(sql, "dia", plan.Blocos.Select(b => new DayRange(b.Inicio, b.Fim ?? plan.Fim)));
                parts.Add(sql.Text($"SELECT cliente_id, valor_centavos, custo_centavos, pedidos, produtos_bits FROM ranking_cliente_delta WHERE {blocos}"));
            }

            if (plan.Dias.Count > 0)
            {
                parts.Add(sql.Text($"SELECT cliente_id, valor_centavos, custo_centavos, pedidos, produtos_bits FROM venda_cliente_dia WHERE {SalesSets.Days(sql, "dia", plan.Dias)}"));
            }

            var produtos = diversidade ? sql.BitsCount(sql.BitsUnion("x.produtos_bits")) : SqlFragment.Raw("0");
            // A composed window's sums once, then sorted three ways.
            with = sql.Text($"""
                WITH w AS (
                SELECT x.cliente_id, CAST(sum(x.valor_centavos) AS bigint) AS valor_centavos, CAST(sum(x.custo_centavos) AS bigint) AS custo_centavos,
                       CAST(sum(x.valor_centavos - x.custo_centavos) AS bigint) AS lucro_centavos, CAST(sum(x.pedidos) AS integer) AS pedidos,
                       {produtos} AS produtos
                FROM ({SqlFragment.Join(" UNION ALL ", parts)}) x GROUP BY x.cliente_id)

                """);
            source = (_, _) => SqlFragment.Raw("SELECT * FROM w");
        }

        // The list's name is one letter the code chose, written in as text so that every branch of the UNION has its type.
        SqlFragment Top(string lista, string order, string filter = "") => sql.Text($"""
            SELECT * FROM (
              SELECT '{SqlFragment.Raw(lista)}' AS lista, r.cliente_id, c.nome, r.valor_centavos, r.custo_centavos, r.lucro_centavos, r.pedidos, r.produtos
              FROM ({source(order, filter)}) r JOIN cliente c ON c.id = r.cliente_id
              WHERE r.pedidos > 0{SqlFragment.Raw(filter)}
              ORDER BY r.{SqlFragment.Raw(order)}, r.cliente_id
              LIMIT {top}) {SqlFragment.Raw(lista)}
            """);
        var lists = new List<SqlFragment> { Top("f", "valor_centavos DESC"), Top("m", "lucro_centavos DESC") };
        if (diversidade)
        {
            lists.Add(Top("d", "produtos DESC", " AND produtos > 0"));
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
