using System.Data;
using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;
using Sap.Domain.Pedidos;
using Sap.Domain.Time;
using Sap.Domain.Writes;

namespace Sap.Domain.ReadModel;

/// <summary>
/// Keeps the sales read model (ADR 7) equal to what the pedidos add up to, inside the transaction of every write
/// that changes a pedido's figures: the pedido's contribution is taken out of every row it counts in before the
/// change and put back after, from its rows in the database; what sums cannot carry (last purchases, distinct
/// produtos) is then settled from the cliente's own rows, by index. Ranking windows count back from a business date; when the date
/// moves on, the pedidos that left a window are taken out of it (<see cref="EnsureCurrentAsync"/>).
/// Every change runs under one lock, so the arithmetic never interleaves.
/// </summary>
public sealed class SalesReadModel(BusinessCalendar calendar)
{
    /// <summary>The ranking windows in days back from today; 0 is "todos" (every pedido).</summary>
    public static readonly IReadOnlyList<int> Janelas = [0, 30, 90, 180, 365];

    private const long LockKey = 0x5341505F5244; // "SAP_RD"
    private const string NotCancelled = "p.status <> 'Cancelado'";

    // The business day this process last saw the windows rolled to (they only ever move forward).
    private int currentThrough;

    /// <summary>The window of a ranking periodo, in days (0 for todos).</summary>
    public static int Dias(Periodo periodo) => DateFilter.DaysBack(periodo) ?? 0;

    /// <summary>Before a pedido's itens or status change: takes its contribution out, as its rows stand now.</summary>
    public async Task<PedidoChange> BeforeChangeAsync(WriteScope scope, Pedido pedido, CancellationToken cancellationToken)
    {
        await PrepareAsync(scope, cancellationToken);
        await ApplyPedidoAsync(scope.Db, pedido, -1, cancellationToken);
        return new PedidoChange([.. pedido.Itens.Select(i => i.ProdutoId).Distinct()]);
    }

    /// <summary>
    /// After a pedido was created (<paramref name="before"/> null) or changed, and saved: puts its contribution back,
    /// then settles what sums cannot carry (last purchases, distinct produtos, rows that fell to zero).
    /// </summary>
    public async Task AfterChangeAsync(WriteScope scope, Pedido pedido, PedidoChange? before, CancellationToken cancellationToken)
    {
        await PrepareAsync(scope, cancellationToken);
        await ApplyPedidoAsync(scope.Db, pedido, +1, cancellationToken);
        await SettleClienteAsync(scope.Db, pedido.ClienteId, before?.Produtos ?? [], cancellationToken);
    }

    /// <summary>Before a payment changes what a pedido has paid: only its month's paid figures depend on that.</summary>
    public async Task BeforePaymentAsync(WriteScope scope, Pedido pedido, CancellationToken cancellationToken)
    {
        await PrepareAsync(scope, cancellationToken);
        await ApplyMonthAsync(scope.Db, pedido, -1, cancellationToken);
    }

    public async Task AfterPaymentAsync(WriteScope scope, Pedido pedido, CancellationToken cancellationToken)
    {
        await PrepareAsync(scope, cancellationToken);
        await ApplyMonthAsync(scope.Db, pedido, +1, cancellationToken);
    }

    /// <summary>
    /// Brings the ranking windows to <paramref name="today"/> (building everything when the read model is empty), in
    /// its own transaction. Reads call it when a ranking's window is behind today; the app and the migrator at start.
    /// </summary>
    public async Task EnsureCurrentAsync(SapDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken))
        {
            await LockAsync(db, cancellationToken);
            await RollAsync(db, today, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        Volatile.Write(ref currentThrough, today.DayNumber);
    }

    /// <summary>Before a read of a dated window: rolls the windows to today, unless this process already saw them there.</summary>
    public Task CatchUpAsync(SapDbContext db, DateOnly today, CancellationToken cancellationToken) =>
        Volatile.Read(ref currentThrough) >= today.DayNumber ? Task.CompletedTask : EnsureCurrentAsync(db, today, cancellationToken);

    /// <summary>Recomputes the whole read model from the pedidos, as of <paramref name="today"/> (after a bulk load or a manual fix).</summary>
    public async Task RebuildAsync(SapDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await LockAsync(db, cancellationToken);
        await BuildAsync(db, today, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Volatile.Write(ref currentThrough, today.DayNumber);
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // Fresh statistics, so the planner reads the new rows by index from the first query on.
            await db.Database.ExecuteSqlRawAsync(
                "ANALYZE venda_cliente, venda_cliente_produto, ranking_cliente, ranking_produto, ranking_periodo, venda_mes", cancellationToken);
        }
    }

    private async Task PrepareAsync(WriteScope scope, CancellationToken cancellationToken)
    {
        if (scope.ReadModelPrepared)
        {
            return;
        }

        await LockAsync(scope.Db, cancellationToken);
        await RollAsync(scope.Db, calendar.DateOf(scope.Now), cancellationToken);
        scope.ReadModelPrepared = true;
    }

    /// <summary>One writer of the read model at a time (PostgreSQL; SQLite's write transactions are exclusive already).</summary>
    private static async Task LockAsync(SapDbContext db, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        }
    }

    private async Task RollAsync(SapDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var periodos = await db.RankingPeriodos.AsNoTracking().ToListAsync(cancellationToken);
        if (periodos.Count != Janelas.Count)
        {
            await BuildAsync(db, today, cancellationToken);
            return;
        }

        if (periodos.Any(p => p.Dias == 0 && p.DataBase < today))
        {
            // "todos" has no window to move; its date only records how far the model was rolled.
            await db.Database.ExecuteSqlRawAsync("UPDATE ranking_periodo SET data_base = {0} WHERE dias = 0", [today], cancellationToken);
        }

        foreach (var periodo in periodos.Where(p => p.Dias > 0 && p.DataBase < today))
        {
            var from = periodo.Inicio!.Value;
            var to = calendar.StartOfDayUtc(today.AddDays(-periodo.Dias));
            var sql = new SapSql(db);
            var (dias, a, b, hoje) = (sql.P(periodo.Dias), sql.P(from), sql.P(to), sql.P(today));
            var left = $"{NotCancelled} AND p.data >= {a} AND p.data < {b}";
            var statements = today.DayNumber - periodo.DataBase.DayNumber >= periodo.Dias
                ? $"""
                    DELETE FROM ranking_cliente WHERE dias = {dias};
                    DELETE FROM ranking_produto WHERE dias = {dias};
                    {ClienteWindow(sql, dias, $"{NotCancelled} AND p.data >= {b}", sign: "")}
                    {ProdutoWindow(sql, dias, $"{NotCancelled} AND p.data >= {b}", sign: "")}
                    {ProdutosDiferentes(dias, b, "1 = 1")}
                    """
                : $"""
                    {ClienteWindow(sql, dias, left, sign: "-")}
                    {ProdutoWindow(sql, dias, left, sign: "-")}
                    {ProdutosDiferentes(dias, b, $"cliente_id IN (SELECT p.cliente_id FROM pedido p WHERE p.data >= {a} AND p.data < {b})")}
                    DELETE FROM ranking_cliente WHERE dias = {dias} AND pedidos = 0;
                    DELETE FROM ranking_produto WHERE dias = {dias} AND quantidade = 0;
                    """;
            await sql.ExecuteAsync($"""
                {statements}
                UPDATE ranking_periodo SET data_base = {hoje}, inicio = {b} WHERE dias = {dias};
                """, cancellationToken);
        }
    }

    private async Task BuildAsync(SapDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var hoje = sql.P(today);
        var windows = string.Join(", ", Janelas.Select(d =>
            $"({d}, {hoje}, {(d == 0 ? "NULL" : sql.P(calendar.StartOfDayUtc(today.AddDays(-d))))})"));
        await sql.ExecuteAsync($"""
            DELETE FROM ranking_periodo;
            INSERT INTO ranking_periodo (dias, data_base, inicio) VALUES {windows};
            DELETE FROM ranking_produto;
            DELETE FROM venda_mes;
            {RefreshClientes(sql, column => $"{column} IS NOT NULL")}
            {ProdutoRows(sql, "r.dias", $"{NotCancelled}", sign: "", upsert: false)}
            """, cancellationToken);

        // Months one by one: the business month of an instant is worked out here, not in SQL (SQLite has no time zones).
        if (await db.Pedidos.MinAsync(p => (DateTime?)p.Data, cancellationToken) is not { } oldest)
        {
            return;
        }

        var first = calendar.DateOf(oldest);
        var last = calendar.DateOf(await db.Pedidos.MaxAsync(p => p.Data, cancellationToken));
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
        {
            var window = calendar.Month(month.Year, month.Month);
            var monthSql = new SapSql(db);
            await monthSql.ExecuteAsync(
                MonthRow(monthSql, month.Year, month.Month, $"p.data >= {monthSql.P(window.Start)} AND p.data < {monthSql.P(window.End)}", sign: ""),
                cancellationToken);
        }
    }

    /// <summary>
    /// Adds (+1) or takes out (−1) one pedido's share of every row it counts in, from its rows in the database: its
    /// cliente's totals and produtos, the windows it falls in (per cliente and per produto) and its month. A last
    /// purchase only moves forward here; taking a pedido out leaves it for <see cref="SettleClienteAsync"/>.
    /// </summary>
    private async Task ApplyPedidoAsync(SapDbContext db, Pedido pedido, int sign, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var id = sql.P(pedido.Id);
        var month = calendar.DateOf(pedido.Data);
        var s = sign < 0 ? "-" : "";
        string C(string column) => sql.Cents(column);
        var ultima = sign > 0
            ? sql.Greatest("venda_cliente_produto.ultima_compra", "excluded.ultima_compra")
            : "venda_cliente_produto.ultima_compra";
        await sql.ExecuteAsync($"""
            INSERT INTO venda_cliente (cliente_id, valor_centavos, custo_centavos, pedidos, produtos)
              SELECT p.cliente_id, {s}{C("p.valor_total")}, {s}{C("p.custo_total")}, {s}1, 0
              FROM pedido p WHERE p.id = {id} AND {NotCancelled}
              ON CONFLICT (cliente_id) DO UPDATE SET
                valor_centavos = venda_cliente.valor_centavos + excluded.valor_centavos,
                custo_centavos = venda_cliente.custo_centavos + excluded.custo_centavos,
                pedidos = venda_cliente.pedidos + excluded.pedidos;
            INSERT INTO venda_cliente_produto (cliente_id, produto_id, quantidade, valor_centavos, ultima_compra)
              SELECT p.cliente_id, i.produto_id, {s}sum(i.quantidade), {s}sum({C("i.valor_total_venda")}), max(p.data)
              FROM pedido p JOIN item_pedido i ON i.pedido_id = p.id
              WHERE p.id = {id} AND {NotCancelled} GROUP BY p.cliente_id, i.produto_id
              ON CONFLICT (cliente_id, produto_id) DO UPDATE SET
                quantidade = venda_cliente_produto.quantidade + excluded.quantidade,
                valor_centavos = venda_cliente_produto.valor_centavos + excluded.valor_centavos,
                ultima_compra = {ultima};
            {ClienteWindow(sql, "r.dias", $"{NotCancelled} AND p.id = {id}", s)}
            {ProdutoRows(sql, "r.dias", $"{NotCancelled} AND p.id = {id}", s, upsert: true)}
            DELETE FROM ranking_produto WHERE quantidade = 0;
            {MonthRow(sql, month.Year, month.Month, $"p.id = {id}", s)}
            """, cancellationToken);
    }

    private async Task ApplyMonthAsync(SapDbContext db, Pedido pedido, int sign, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var month = calendar.DateOf(pedido.Data);
        await sql.ExecuteAsync(MonthRow(sql, month.Year, month.Month, $"p.id = {sql.P(pedido.Id)}", sign < 0 ? "-" : ""), cancellationToken);
    }

    /// <summary>
    /// After a pedido of the cliente changed: rows that fell to zero go; the last purchase of each produto the pedido
    /// had is looked up again (newest first, by index: a few pedidos back at most); the first and last pedido and
    /// the distinct-produto counts are recounted from the cliente's own rows.
    /// </summary>
    private static async Task SettleClienteAsync(SapDbContext db, long clienteId, IReadOnlyList<long> produtosAntes, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var c = sql.P(clienteId);
        string Newest(string column, string order) =>
            $"(SELECT {column} FROM pedido p WHERE p.cliente_id = {c} AND {NotCancelled} ORDER BY {order} LIMIT 1)";
        var ultima = produtosAntes.Count == 0 ? "" : $"""
            UPDATE venda_cliente_produto SET ultima_compra = (
                SELECT p.data FROM pedido p
                WHERE p.cliente_id = {c} AND {NotCancelled}
                  AND EXISTS (SELECT 1 FROM item_pedido i WHERE i.pedido_id = p.id AND i.produto_id = venda_cliente_produto.produto_id)
                ORDER BY p.data DESC LIMIT 1)
            WHERE cliente_id = {c} AND produto_id IN ({string.Join(", ", produtosAntes.Select(p => sql.P(p)))});
            """;
        await sql.ExecuteAsync($"""
            DELETE FROM venda_cliente_produto WHERE cliente_id = {c} AND quantidade = 0;
            {ultima}
            DELETE FROM venda_cliente WHERE cliente_id = {c} AND pedidos = 0;
            UPDATE venda_cliente SET
              produtos = (SELECT count(*) FROM venda_cliente_produto cp WHERE cp.cliente_id = {c}),
              primeiro_pedido_id = {Newest("p.id", "p.data, p.id")},
              ultimo_pedido_id = {Newest("p.id", "p.data DESC, p.id")}
            WHERE cliente_id = {c};
            UPDATE venda_cliente SET
              primeira_compra = (SELECT p.data FROM pedido p WHERE p.id = venda_cliente.primeiro_pedido_id),
              ultima_compra = (SELECT p.data FROM pedido p WHERE p.id = venda_cliente.ultimo_pedido_id),
              valor_ultima_compra_centavos = (SELECT {sql.Cents("p.valor_total")} FROM pedido p WHERE p.id = venda_cliente.ultimo_pedido_id)
            WHERE cliente_id = {c};
            DELETE FROM ranking_cliente WHERE cliente_id = {c} AND pedidos = 0;
            UPDATE ranking_cliente SET produtos = (
                SELECT count(*) FROM venda_cliente_produto cp JOIN ranking_periodo r ON r.dias = ranking_cliente.dias
                WHERE cp.cliente_id = {c} AND (r.inicio IS NULL OR cp.ultima_compra >= r.inicio))
            WHERE cliente_id = {c};
            """, cancellationToken);
    }

    /// <summary>
    /// Recomputes venda_cliente, venda_cliente_produto and ranking_cliente for the clientes the predicate picks
    /// (given a cliente_id column, it returns the condition).
    /// </summary>
    private static string RefreshClientes(SapSql sql, Func<string, string> clientes)
    {
        string C(string column) => sql.Cents(column);
        string Newest(string column, string order) =>
            $"(SELECT {column} FROM pedido p WHERE p.cliente_id = venda_cliente.cliente_id AND {NotCancelled} ORDER BY {order} LIMIT 1)";
        return $"""
            DELETE FROM venda_cliente WHERE {clientes("cliente_id")};
            INSERT INTO venda_cliente (cliente_id, valor_centavos, custo_centavos, pedidos, produtos)
              SELECT p.cliente_id, sum({C("p.valor_total")}), sum({C("p.custo_total")}), count(*), 0
              FROM pedido p WHERE {NotCancelled} AND {clientes("p.cliente_id")} GROUP BY p.cliente_id;
            DELETE FROM venda_cliente_produto WHERE {clientes("cliente_id")};
            INSERT INTO venda_cliente_produto (cliente_id, produto_id, quantidade, valor_centavos, ultima_compra)
              SELECT p.cliente_id, i.produto_id, sum(i.quantidade), sum({C("i.valor_total_venda")}), max(p.data)
              FROM pedido p JOIN item_pedido i ON i.pedido_id = p.id
              WHERE {NotCancelled} AND {clientes("p.cliente_id")} GROUP BY p.cliente_id, i.produto_id;
            UPDATE venda_cliente SET
              produtos = (SELECT count(*) FROM venda_cliente_produto cp WHERE cp.cliente_id = venda_cliente.cliente_id),
              primeiro_pedido_id = {Newest("p.id", "p.data, p.id")},
              ultimo_pedido_id = {Newest("p.id", "p.data DESC, p.id")}
            WHERE {clientes("cliente_id")};
            UPDATE venda_cliente SET
              primeira_compra = (SELECT p.data FROM pedido p WHERE p.id = venda_cliente.primeiro_pedido_id),
              ultima_compra = (SELECT p.data FROM pedido p WHERE p.id = venda_cliente.ultimo_pedido_id),
              valor_ultima_compra_centavos = (SELECT {C("p.valor_total")} FROM pedido p WHERE p.id = venda_cliente.ultimo_pedido_id)
            WHERE {clientes("cliente_id")};
            DELETE FROM ranking_cliente WHERE {clientes("cliente_id")};
            {ClienteWindow(sql, "r.dias", $"{NotCancelled} AND {clientes("p.cliente_id")}", sign: "")}
            UPDATE ranking_cliente SET produtos = (
                SELECT count(*) FROM venda_cliente_produto cp JOIN ranking_periodo r ON r.dias = ranking_cliente.dias
                WHERE cp.cliente_id = ranking_cliente.cliente_id AND (r.inicio IS NULL OR cp.ultima_compra >= r.inicio))
            WHERE {clientes("cliente_id")};
            """;
    }

    /// <summary>
    /// Adds the filtered pedidos (alias p) to ranking_cliente: per window (<paramref name="dias"/> is "r.dias" to
    /// cover every window a pedido falls in, or one window's parameter), signed.
    /// </summary>
    private static string ClienteWindow(SapSql sql, string dias, string filter, string sign)
    {
        string C(string column) => sql.Cents(column);
        var join = dias == "r.dias" ? "JOIN ranking_periodo r ON r.inicio IS NULL OR p.data >= r.inicio" : "";
        var group = dias == "r.dias" ? "r.dias, p.cliente_id" : "p.cliente_id";
        return $"""
            INSERT INTO ranking_cliente (dias, cliente_id, valor_centavos, custo_centavos, lucro_centavos, pedidos, produtos)
              SELECT {dias}, p.cliente_id, {sign}sum({C("p.valor_total")}), {sign}sum({C("p.custo_total")}),
                     {sign}sum({C("p.valor_total")} - {C("p.custo_total")}), {sign}count(*), 0
              FROM pedido p {join} WHERE {filter} GROUP BY {group}
              ON CONFLICT (dias, cliente_id) DO UPDATE SET
                valor_centavos = ranking_cliente.valor_centavos + excluded.valor_centavos,
                custo_centavos = ranking_cliente.custo_centavos + excluded.custo_centavos,
                lucro_centavos = ranking_cliente.lucro_centavos + excluded.lucro_centavos,
                pedidos = ranking_cliente.pedidos + excluded.pedidos;
            """;
    }

    private static string ProdutoWindow(SapSql sql, string dias, string filter, string sign) => ProdutoRows(sql, dias, filter, sign, upsert: true);

    /// <summary>Adds the itens of the filtered pedidos (alias p) to ranking_produto, per window, signed.</summary>
    private static string ProdutoRows(SapSql sql, string dias, string filter, string sign, bool upsert)
    {
        var join = dias == "r.dias" ? "JOIN ranking_periodo r ON r.inicio IS NULL OR p.data >= r.inicio" : "";
        var group = dias == "r.dias" ? "r.dias, i.produto_id" : "i.produto_id";
        var conflict = upsert
            ? """
              ON CONFLICT (dias, produto_id) DO UPDATE SET
                valor_centavos = ranking_produto.valor_centavos + excluded.valor_centavos,
                quantidade = ranking_produto.quantidade + excluded.quantidade
              """
            : "";
        return $"""
            INSERT INTO ranking_produto (dias, produto_id, valor_centavos, quantidade)
              SELECT {dias}, i.produto_id, {sign}sum({sql.Cents("i.valor_total_venda")}), {sign}sum(i.quantidade)
              FROM pedido p JOIN item_pedido i ON i.pedido_id = p.id {join}
              WHERE {filter} GROUP BY {group}
              {conflict};
            """;
    }

    /// <summary>Recounts ranking_cliente.produtos of one window for the rows the condition picks: produtos last bought from the window's start on.</summary>
    private static string ProdutosDiferentes(string dias, string inicio, string rows) => $"""
        UPDATE ranking_cliente SET produtos = (
            SELECT count(*) FROM venda_cliente_produto cp WHERE cp.cliente_id = ranking_cliente.cliente_id AND cp.ultima_compra >= {inicio})
        WHERE dias = {dias} AND {rows};
        """;

    /// <summary>Adds the filtered non-cancelled pedidos (alias p) to one month's row, signed.</summary>
    private static string MonthRow(SapSql sql, int ano, int mes, string filter, string sign)
    {
        string C(string column) => sql.Cents(column);
        var paid = $"{sql.Num("p.valor_total")} > 0 AND {sql.Num("p.valor_pago")} >= {sql.Num("p.valor_total")}";
        return $"""
            INSERT INTO venda_mes (ano, mes, receita_centavos, cpv_centavos, pedidos, pedidos_pagos)
              SELECT {sql.P(ano)}, {sql.P(mes)},
                     {sign}coalesce(sum(CASE WHEN {paid} THEN {C("p.valor_total")} ELSE 0 END), 0),
                     {sign}coalesce(sum(CASE WHEN {paid} THEN {C("p.custo_total")} ELSE 0 END), 0),
                     {sign}count(*),
                     {sign}coalesce(sum(CASE WHEN {paid} THEN 1 ELSE 0 END), 0)
              FROM pedido p WHERE {NotCancelled} AND {filter}
              ON CONFLICT (ano, mes) DO UPDATE SET
                receita_centavos = venda_mes.receita_centavos + excluded.receita_centavos,
                cpv_centavos = venda_mes.cpv_centavos + excluded.cpv_centavos,
                pedidos = venda_mes.pedidos + excluded.pedidos,
                pedidos_pagos = venda_mes.pedidos_pagos + excluded.pedidos_pagos;
            """;
    }
}
