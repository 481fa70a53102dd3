using Sap.Domain.Data;
using Sap.Domain.Time;

namespace Sap.Domain.ReadModel;

/// <summary>
/// Applies one pedido change (its <see cref="PedidoSales"/> after minus before) to the aggregates, in one command
/// inside the write's transaction. Everything it updates in place belongs to the pedido's cliente, and its first
/// statement locks that cliente's venda_cliente row: writes of one cliente run one after the other, writes of
/// different clientes never meet. What every cliente shares (a produto's figures, a month's apuração) is only
/// inserted, as deltas (<see cref="SalesFold"/>), and so is what a new pedido adds to its cliente's rows of the stored
/// windows (<see cref="RankingClienteDelta"/>: one row, where it once updated a row per window).
/// </summary>
internal static class SalesWrite
{
    /// <param name="moveis">
    /// For a change of an existing pedido, the moving windows as read (and key-share locked) by the caller, with their
    /// bounds, since its produto sets are worked out again from them; null for a new pedido, whose windows the fold
    /// picks from janela_movel (whose first row this command's first statement locks, so no roll runs beside it).
    /// </param>
    /// <param name="produtosAntes">The produtos the pedido had before the change (none for a new pedido).</param>
    public static Task ApplyAsync(
        SapDbContext db, BusinessCalendar calendar, PedidoSales change, IReadOnlyList<Janela>? moveis, IReadOnlyCollection<long> produtosAntes,
        IReadOnlyCollection<long> produtosDepois, DateOnly today, CancellationToken cancellationToken)
    {
        // A new pedido only adds: produto sets are OR-ed and no row can fall to zero.
        var creates = moveis is null;
        var sql = new SapSql(db);
        var c = sql.P(change.ClienteId);
        var dia = sql.P(change.Dia);
        var (valor, custo, pedidos) = (sql.P(change.Valor), sql.P(change.Custo), sql.P(change.Pedidos));
        var bits = creates ? sql.Bits(produtosDepois) : sql.NoBits;
        var text = new List<SqlFragment>
        {
            creates ? SalesTurns.Write(sql) : SqlFragment.Empty,
            sql.Text($"""
            INSERT INTO venda_cliente (cliente_id, valor_centavos, custo_centavos, pedidos, produtos)
              VALUES ({c}, {valor}, {custo}, {pedidos}, 0)
              ON CONFLICT (cliente_id) DO UPDATE SET
                valor_centavos = venda_cliente.valor_centavos + excluded.valor_centavos,
                custo_centavos = venda_cliente.custo_centavos + excluded.custo_centavos,
                pedidos = venda_cliente.pedidos + excluded.pedidos;
            {ClienteProdutos(sql, c, change)}
            INSERT INTO venda_cliente_dia (cliente_id, dia, valor_centavos, custo_centavos, pedidos, produtos_bits)
              VALUES ({c}, {dia}, {valor}, {custo}, {pedidos}, {bits})
              ON CONFLICT (cliente_id, dia) DO UPDATE SET
                valor_centavos = venda_cliente_dia.valor_centavos + excluded.valor_centavos,
                custo_centavos = venda_cliente_dia.custo_centavos + excluded.custo_centavos,
                pedidos = venda_cliente_dia.pedidos + excluded.pedidos,
                produtos_bits = {sql.BitsOr("venda_cliente_dia.produtos_bits", "excluded.produtos_bits")};
            """),
        };
        if (creates)
        {
            // One row, not one per window: the fold moves it into the windows' rows, reads add it until then.
            text.Add(sql.Text($"""
                INSERT INTO ranking_cliente_delta (cliente_id, dia, valor_centavos, custo_centavos, pedidos, produtos_bits)
                  VALUES ({c}, {dia}, {valor}, {custo}, {pedidos}, {bits});
                """));
        }
        else
        {
            // The change's windows: the calendar ones of its day and the moving ones that hold it.
            IReadOnlyList<Janela> janelas = [.. Janela.Calendario(change.Dia), .. moveis!.Where(j => j.Contains(change.Dia))];
            var keys = sql.Text($"SELECT column1 AS janela FROM (VALUES {SqlFragment.Join(", ", janelas.Select(j => sql.Text($"({sql.P(j.Key)})")))}) AS v");
            // The cliente's deltas not folded yet are moved in first (waiting for a fold that holds them), so that the
            // change meets whole rows; no new one can come while this write holds the cliente's row. Then the change,
            // rows locked in key order as a fold locks them.
            text.Add(sql.Text($"""
                SELECT id FROM ranking_cliente_delta WHERE cliente_id = {c}{sql.ForUpdate};
                {SalesFold.ClienteDeltas(sql, sql.Text($"x.cliente_id = {c}"))}
                DELETE FROM ranking_cliente_delta WHERE cliente_id = {c};
                INSERT INTO ranking_cliente (janela, cliente_id, valor_centavos, custo_centavos, lucro_centavos, pedidos, produtos, produtos_bits)
                  SELECT j.janela, {c}, {valor}, {custo}, {sql.P(change.Valor - change.Custo)}, {pedidos}, 0, {sql.NoBits}
                  FROM ({keys}) AS j
                  WHERE true
                  ORDER BY j.janela
                  ON CONFLICT (janela, cliente_id) DO UPDATE SET
                    {SalesSets.AddRankingFigures};
                """));
            // Each row is written once more here: its produto set worked out again from the narrower ones.
            text.Add(RecountSets(sql, calendar, change, janelas, c, dia, today));
            text.Add(sql.Text($"""
                DELETE FROM venda_cliente_dia WHERE cliente_id = {c} AND dia = {dia} AND pedidos = 0;
                DELETE FROM ranking_cliente WHERE cliente_id = {c} AND janela IN ({keys}) AND pedidos = 0;
                UPDATE ranking_cliente SET produtos = {sql.BitsCount("produtos_bits")} WHERE cliente_id = {c} AND janela IN ({keys});
                """));
        }

        text.Add(SettleCliente(sql, c, produtosAntes, creates));
        text.Add(Deltas(sql, change));
        return sql.ExecuteAsync(SqlFragment.Join("\n", text), cancellationToken);
    }

    /// <summary>The month's apuração figures after a payment: only they depend on what a pedido has paid.</summary>
    public static Task ApplyPaymentAsync(SapDbContext db, PedidoSales change, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var text = Deltas(sql, change);
        // Under the same key-share lock as every sales write, so that a rebuild never runs beside it.
        return text.IsEmpty ? Task.CompletedTask : sql.ExecuteAsync($"{SalesTurns.Write(sql)}\n{text}", cancellationToken);
    }

    /// <summary>What the cliente bought of each produto the change touched; a last purchase only moves forward here.</summary>
    private static SqlFragment ClienteProdutos(SapSql sql, SqlFragment c, PedidoSales change)
    {
        if (change.Produtos.Count == 0)
        {
            return SqlFragment.Empty;
        }

        var data = sql.P(change.Data);
        var rows = change.Produtos.OrderBy(p => p.Key).Select(p => sql.Text($"({c}, {p.Key}, {p.Value.Quantidade}, {p.Value.Valor}, {data})"));
        return sql.Text($"""
            INSERT INTO venda_cliente_produto (cliente_id, produto_id, quantidade, valor_centavos, ultima_compra)
              VALUES {SqlFragment.Join(", ", rows)}
              ON CONFLICT (cliente_id, produto_id) DO UPDATE SET
                quantidade = venda_cliente_produto.quantidade + excluded.quantidade,
                valor_centavos = venda_cliente_produto.valor_centavos + excluded.valor_centavos,
                ultima_compra = CASE WHEN excluded.quantidade > 0
                  THEN {sql.Greatest("venda_cliente_produto.ultima_compra", "excluded.ultima_compra")}
                  ELSE venda_cliente_produto.ultima_compra END;
            """);
    }

    /// <summary>
    /// After a change that may have taken produtos away: the produto sets of the day and of every window it falls in,
    /// worked out again from the narrower ones (day from the cliente's pedidos, month from days, quarter from months,
    /// year from quarters, a moving window from its blocks and days, todos from the cliente's produtos).
    /// </summary>
    private static SqlFragment RecountSets(SapSql sql, BusinessCalendar calendar, PedidoSales change, IReadOnlyList<Janela> janelas, SqlFragment c, SqlFragment dia, DateOnly today)
    {
        var day = calendar.Days(change.Dia, change.Dia);
        var mes = Janela.Mes(change.Dia.Year, change.Dia.Month);
        var trimestre = Janela.Calendario(change.Dia)[2];
        var ano = Janela.Ano(change.Dia.Year);
        var meses = Enumerable.Range(0, 3).Select(i => trimestre.Inicio.AddMonths(i)).Select(m => Janela.Mes(m.Year, m.Month).Key);
        var trimestres = Enumerable.Range(1, 4).Select(t => Janela.Trimestre(ano.Inicio.Year, t).Key);
        SqlFragment Set(string key, SqlFragment union) =>
            sql.Text($"UPDATE ranking_cliente SET produtos_bits = ({union}) WHERE cliente_id = {c} AND janela = {sql.P(key)};");
        SqlFragment FromRows(IEnumerable<string> keys) =>
            sql.Text($"SELECT {sql.BitsUnion("r.produtos_bits")} FROM ranking_cliente r WHERE r.cliente_id = {c} AND r.janela IN {sql.In(keys)}");
        var text = new List<SqlFragment> { sql.Text($"""
            UPDATE venda_cliente_dia SET produtos_bits = (
                SELECT {sql.BitsUnion(sql.Bit("i.produto_id"))} FROM pedido p JOIN item_pedido i ON i.pedido_id = p.id
                WHERE p.cliente_id = {c} AND {SalesSets.NotCancelled} AND p.data >= {day.Start} AND p.data < {day.End})
            WHERE cliente_id = {c} AND dia = {dia};
            """) };
        text.Add(Set(mes.Key, sql.Text($"""
            SELECT {sql.BitsUnion("d.produtos_bits")} FROM venda_cliente_dia d
            WHERE d.cliente_id = {c} AND d.dia >= {mes.Inicio} AND d.dia < {mes.Fim}
            """)));
        text.Add(Set(trimestre.Key, FromRows(meses)));
        text.Add(Set(ano.Key, FromRows(trimestres)));
        text.Add(Set(Janela.TodosKey, sql.Text($"""
            SELECT {sql.BitsUnion(sql.Bit("cp.produto_id"))} FROM venda_cliente_produto cp WHERE cp.cliente_id = {c} AND cp.quantidade > 0
            """)));
        foreach (var movel in janelas.Where(j => JanelasMoveis.Keys.Contains(j.Key)))
        {
            text.Add(Set(movel.Key, SalesSets.Union(sql, WindowPlan.Compose(movel.Inicio, movel.FimAte(today), today), sql.Text($"= {c}"))));
        }

        return SqlFragment.Join("\n", text);
    }

    /// <summary>
    /// The cliente's totals row after the change: rows that fell to zero go; the last purchase of each produto the
    /// pedido had is looked up again (newest first, by index); first and last pedido and distinct produtos recounted.
    /// </summary>
    private static SqlFragment SettleCliente(SapSql sql, SqlFragment c, IReadOnlyCollection<long> produtosAntes, bool creates)
    {
        var ultima = produtosAntes.Count == 0 ? SqlFragment.Empty : sql.Text($"""
            UPDATE venda_cliente_produto SET ultima_compra = (
                SELECT p.data FROM pedido p
                WHERE p.cliente_id = {c} AND {SalesSets.NotCancelled}
                  AND EXISTS (SELECT 1 FROM item_pedido i WHERE i.pedido_id = p.id AND i.produto_id = venda_cliente_produto.produto_id)
                ORDER BY p.data DESC LIMIT 1)
            WHERE cliente_id = {c} AND produto_id IN {sql.In(produtosAntes)};
            """);
        // A new pedido leaves no row at zero.
        var zeros = creates ? SqlFragment.Empty : sql.Text($"""
            DELETE FROM venda_cliente_produto WHERE cliente_id = {c} AND quantidade = 0;
            {ultima}
            DELETE FROM venda_cliente WHERE cliente_id = {c} AND pedidos = 0;
            """);
        SqlFragment Pedido(string columns, string order) =>
            sql.Text($"(SELECT {SqlFragment.Raw(columns)} FROM pedido p WHERE p.cliente_id = {c} AND {SalesSets.NotCancelled} ORDER BY {SqlFragment.Raw(order)} LIMIT 1)");
        // One statement (one more version of the row), whatever the change.
        return sql.Text($"""
            {zeros}
            UPDATE venda_cliente SET
              produtos = (SELECT count(*) FROM venda_cliente_produto cp WHERE cp.cliente_id = {c}),
              (primeiro_pedido_id, primeira_compra) = {Pedido("p.id, p.data", "p.data, p.id")},
              (ultimo_pedido_id, ultima_compra, valor_ultima_compra_centavos) = {Pedido($"p.id, p.data, {sql.Cents("p.valor_total")}", "p.data DESC, p.id")}
            WHERE cliente_id = {c};
            """);
    }

    /// <summary>What the change adds to figures every cliente shares: inserted, never updated in place.</summary>
    private static SqlFragment Deltas(SapSql sql, PedidoSales change)
    {
        var text = new List<SqlFragment>();
        if (change.Produtos.Count > 0)
        {
            var dia = sql.P(change.Dia);
            text.Add(sql.Text($"""
                INSERT INTO venda_produto_delta (produto_id, dia, valor_centavos, quantidade)
                  VALUES {SqlFragment.Join(", ", change.Produtos.OrderBy(p => p.Key).Select(p => sql.Text($"({p.Key}, {dia}, {p.Value.Valor}, {p.Value.Quantidade})")))};
                """));
        }

        if (change.ChangesMonth)
        {
            text.Add(sql.Text($"""
                INSERT INTO venda_mes_delta (ano, mes, receita_centavos, cpv_centavos, pedidos, pedidos_pagos)
                  VALUES ({change.Dia.Year}, {change.Dia.Month}, {change.Receita}, {change.Cpv}, {change.Pedidos}, {change.Pagos});
                """));
        }

        return SqlFragment.Join("\n", text);
    }
}
