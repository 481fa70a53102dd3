using System.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;

namespace Sap.Domain.ReadModel;

/// <summary>
/// Moves the deltas writes leave (<see cref="VendaProdutoDelta"/>, <see cref="VendaMesDelta"/>,
/// <see cref="RankingClienteDelta"/>) into their rows: a produto's day and every stored window the day falls in, a
/// month's apuração figures, a cliente's row of every stored window the day falls in. Reads add
/// the deltas not moved yet, so when this runs changes only how much they add. One fold runs at a time
/// (<see cref="SalesTurns"/>: a second one just skips its turn, and a roll waits for it or makes it skip). A new pedido
/// only inserts deltas, so it never waits for a fold; a change of a pedido moves its cliente's deltas itself first, and
/// waits for a fold only when that fold holds them.
/// </summary>
public static class SalesFold
{
    /// <summary>Deltas moved per batch.</summary>
    public const int BatchSize = 5_000;

    /// <summary>
    /// Folds one batch in a transaction of its own; the count moved, or -1 when another fold holds the turn (or, when
    /// <paramref name="wait"/> is true, after waiting for it: when nothing is built yet).
    /// </summary>
    internal static async Task<int> FoldAsync(SapDbContext db, bool wait, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var moved = await FoldInTransactionAsync(db, wait, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return moved;
    }

    /// <summary>Folds one batch inside the caller's transaction (the roll holds the windows locked already).</summary>
    internal static async Task<int> FoldInTransactionAsync(SapDbContext db, bool wait, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var turn = await sql.ListAsync<KeyRow>(SalesTurns.Fold(sql, wait), cancellationToken);
        if (turn.Count == 0)
        {
            // No windows yet (the model was never built: the build clears the deltas), or another fold has the turn.
            return -1;
        }

        var janelas = await db.JanelasMoveis.AsNoTracking().ToListAsync(cancellationToken);
        var produtoIds = await db.VendaProdutoDeltas.OrderBy(d => d.Id).Take(BatchSize).Select(d => d.Id).ToListAsync(cancellationToken);
        var mesIds = await db.VendaMesDeltas.OrderBy(d => d.Id).Take(BatchSize).Select(d => d.Id).ToListAsync(cancellationToken);
        // Locked as picked: a change of a pedido moves its cliente's deltas itself (SalesWrite), after waiting for a
        // fold that holds them, and a fold skips the ones such a change holds.
        var clienteIds = (await new SapSql(db).ListAsync<IdRow>(
            $"SELECT id FROM ranking_cliente_delta ORDER BY id LIMIT {BatchSize}{(sql.IsSqlite ? SqlFragment.Empty : SqlFragment.Raw(" FOR UPDATE SKIP LOCKED"))}",
            cancellationToken)).Select(r => r.Id).ToList();
        if (produtoIds.Count > 0)
        {
            await FoldProdutosAsync(db, produtoIds, janelas, cancellationToken);
        }

        if (mesIds.Count > 0)
        {
            await FoldMesesAsync(db, mesIds, cancellationToken);
        }

        if (clienteIds.Count > 0)
        {
            var folding = new SapSql(db);
            await folding.ExecuteAsync($"""
                {ClienteDeltas(folding, Picked(folding, "x.id", clienteIds))}
                DELETE FROM ranking_cliente_delta WHERE {Picked(folding, "id", clienteIds)};
                """, cancellationToken);
        }

        return produtoIds.Count + mesIds.Count + clienteIds.Count;
    }

    /// <summary>
    /// The statement adding the cliente deltas that <paramref name="picked"/> selects (alias x) to the rows of every
    /// stored window their days fall in, as the moving windows stand now, in key order (the order in which every
    /// writer of ranking_cliente locks its rows). A delta only adds: a new pedido's figures and produtos.
    /// </summary>
    internal static SqlFragment ClienteDeltas(SapSql sql, SqlFragment picked)
    {
        SqlFragment Keyed(SqlFragment key) => sql.Text(
            $"SELECT {key} AS janela, x.cliente_id, x.valor_centavos, x.custo_centavos, x.pedidos, x.produtos_bits FROM ranking_cliente_delta x WHERE {picked}");
        var keyed = SqlFragment.Join("\nUNION ALL ", [
            Keyed(sql.P(Janela.TodosKey)), Keyed(sql.YearKey("x.dia")), Keyed(sql.QuarterKey("x.dia")), Keyed(sql.MonthKey("x.dia")),
            sql.Text($"""
                SELECT m.janela, x.cliente_id, x.valor_centavos, x.custo_centavos, x.pedidos, x.produtos_bits
                FROM ranking_cliente_delta x JOIN janela_movel m ON x.dia >= m.inicio AND (m.fim IS NULL OR x.dia < m.fim) WHERE {picked}
                """),
        ]);
        var bits = sql.BitsOr("ranking_cliente.produtos_bits", "excluded.produtos_bits");
        return sql.Text($"""
            INSERT INTO ranking_cliente (janela, cliente_id, valor_centavos, custo_centavos, lucro_centavos, pedidos, produtos, produtos_bits)
              SELECT g.janela, g.cliente_id, g.valor_centavos, g.custo_centavos, g.valor_centavos - g.custo_centavos, g.pedidos, {sql.BitsCount("g.bits")}, g.bits
              FROM (SELECT k.janela, k.cliente_id, CAST(sum(k.valor_centavos) AS bigint) AS valor_centavos, CAST(sum(k.custo_centavos) AS bigint) AS custo_centavos,
                           CAST(sum(k.pedidos) AS integer) AS pedidos, {sql.BitsUnion("k.produtos_bits")} AS bits
                    FROM ({keyed}) k GROUP BY k.janela, k.cliente_id) g
              ORDER BY g.janela, g.cliente_id
              ON CONFLICT (janela, cliente_id) DO UPDATE SET
                {SalesSets.AddRankingFigures},
                produtos = {sql.BitsCount(bits)},
                produtos_bits = {bits};
            """);
    }

    private static async Task FoldProdutosAsync(SapDbContext db, List<long> ids, List<JanelaMovel> janelas, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var picked = Picked(sql, "x.id", ids);
        SqlFragment Keyed(SqlFragment key) => sql.Text($"SELECT {key} AS janela, x.produto_id, x.valor_centavos, x.quantidade FROM venda_produto_delta x WHERE {picked}");
        var moveis = janelas.Select(j => sql.Text(
            $"SELECT {sql.P(j.Janela)}, x.produto_id, x.valor_centavos, x.quantidade FROM venda_produto_delta x WHERE {picked} AND x.dia >= {j.Inicio}{(j.Fim is { } fim ? sql.Text($" AND x.dia < {fim}") : SqlFragment.Empty)}"));
        var keyed = SqlFragment.Join("\nUNION ALL ", new[]
        {
            Keyed(sql.P(Janela.TodosKey)), Keyed(sql.YearKey("x.dia")), Keyed(sql.QuarterKey("x.dia")), Keyed(sql.MonthKey("x.dia")),
        }.Concat(moveis));
        await sql.ExecuteAsync($"""
            INSERT INTO venda_produto_dia (produto_id, dia, valor_centavos, quantidade)
              SELECT x.produto_id, x.dia, sum(x.valor_centavos), sum(x.quantidade) FROM venda_produto_delta x WHERE {picked}
              GROUP BY x.produto_id, x.dia ORDER BY x.produto_id, x.dia
              ON CONFLICT (produto_id, dia) DO UPDATE SET
                valor_centavos = venda_produto_dia.valor_centavos + excluded.valor_centavos,
                quantidade = venda_produto_dia.quantidade + excluded.quantidade;
            INSERT INTO ranking_produto (janela, produto_id, valor_centavos, quantidade)
              SELECT k.janela, k.produto_id, sum(k.valor_centavos), sum(k.quantidade) FROM ({keyed}) k
              GROUP BY k.janela, k.produto_id ORDER BY k.janela, k.produto_id
              ON CONFLICT (janela, produto_id) DO UPDATE SET
                valor_centavos = ranking_produto.valor_centavos + excluded.valor_centavos,
                quantidade = ranking_produto.quantidade + excluded.quantidade;
            DELETE FROM venda_produto_dia
              WHERE quantidade = 0 AND EXISTS (
                SELECT 1 FROM venda_produto_delta x WHERE {picked} AND x.produto_id = venda_produto_dia.produto_id AND x.dia = venda_produto_dia.dia);
            DELETE FROM ranking_produto
              WHERE quantidade = 0 AND produto_id IN (SELECT x.produto_id FROM venda_produto_delta x WHERE {picked});
            DELETE FROM venda_produto_delta WHERE {Picked(sql, "id", ids)};
            """, cancellationToken);
    }

    private static async Task FoldMesesAsync(SapDbContext db, List<long> ids, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var picked = Picked(sql, "x.id", ids);
        await sql.ExecuteAsync($"""
            INSERT INTO venda_mes (ano, mes, receita_centavos, cpv_centavos, pedidos, pedidos_pagos)
              SELECT x.ano, x.mes, sum(x.receita_centavos), sum(x.cpv_centavos), sum(x.pedidos), sum(x.pedidos_pagos)
              FROM venda_mes_delta x WHERE {picked}
              GROUP BY x.ano, x.mes ORDER BY x.ano, x.mes
              ON CONFLICT (ano, mes) DO UPDATE SET
                receita_centavos = venda_mes.receita_centavos + excluded.receita_centavos,
                cpv_centavos = venda_mes.cpv_centavos + excluded.cpv_centavos,
                pedidos = venda_mes.pedidos + excluded.pedidos,
                pedidos_pagos = venda_mes.pedidos_pagos + excluded.pedidos_pagos;
            DELETE FROM venda_mes WHERE pedidos = 0;
            DELETE FROM venda_mes_delta WHERE {Picked(sql, "id", ids)};
            """, cancellationToken);
    }

    /// <summary>
    /// The deltas picked, by id: the same rows for every statement, whatever commits meanwhile (a delta committed
    /// after the pick waits for the next fold, never deleted unmoved).
    /// </summary>
    private static SqlFragment Picked(SapSql sql, string column, List<long> ids) => sql.IsSqlite
        ? sql.Text($"{SqlFragment.Raw(column)} IN (SELECT value FROM json_each({sql.P(JsonSerializer.Serialize(ids))}))")
        : sql.Text($"{SqlFragment.Raw(column)} = ANY({ids.ToArray()})");

    private sealed record KeyRow(string Key);

    private sealed record IdRow(long Id);
}
