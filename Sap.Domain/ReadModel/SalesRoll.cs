using System.Data;
using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;

namespace Sap.Domain.ReadModel;

/// <summary>
/// Moves the moving windows (<see cref="JanelasMoveis"/>) to today: the days that left a window are taken out of its
/// rows and the days that entered it (the last twelve closed months gain a month) put in, from the day rows; the
/// produto sets of the clientes concerned are worked out again from their blocks and days. The windows' rows in
/// janela_movel are locked for update first: that waits for any fold and for every sales write under way (each holds a
/// key-share lock on them) and holds new ones back until the roll commits, a few hundred milliseconds once a day.
/// </summary>
internal static class SalesRoll
{
    /// <summary>Rolls what is behind <paramref name="today"/>, in its own transaction; builds everything when the model was never built.</summary>
    /// <returns>False when the model had to be built from scratch.</returns>
    public static async Task<bool> EnsureCurrentAsync(SapDbContext db, Time.BusinessCalendar calendar, DateOnly today, CancellationToken cancellationToken)
    {
        // Looked at without a lock first: a roll's turn holds every write back, and most days there is nothing to roll.
        if (IsCurrent(await new SapSql(db).ListAsync<JanelaRow>($"SELECT janela, data_base, inicio, fim FROM janela_movel", cancellationToken), today))
        {
            return true;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var sql = new SapSql(db);
        var rows = await sql.ListAsync<JanelaRow>(SalesTurns.Exclusive(sql), cancellationToken);
        if (!IsBuilt(rows))
        {
            await SalesRebuild.BuildAsync(db, calendar, today, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        var stale = rows.Where(r => r.DataBase < today).ToList();
        if (stale.Count > 0)
        {
            // Deltas are moved into the windows as they stand now, before the windows move.
            while (await SalesFold.FoldInTransactionAsync(db, wait: true, cancellationToken) >= SalesFold.BatchSize)
            {
            }

            foreach (var row in stale)
            {
                await RollAsync(db, new Janela(row.Janela, row.Inicio, row.Fim), JanelasMoveis.On(row.Janela, today), today, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task RollAsync(SapDbContext db, Janela was, Janela now, DateOnly today, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var key = sql.P(now.Key);
        // An open window held every day from its start on; one with an end gains the days between its old end and its new one.
        var leaving = now.Inicio > was.Inicio ? new DayRange(was.Inicio, was.Fim is { } f && f < now.Inicio ? f : now.Inicio) : (DayRange?)null;
        var entering = was.Fim is { } oldEnd && now.Fim is { } newEnd && newEnd > oldEnd
            ? new DayRange(oldEnd > now.Inicio ? oldEnd : now.Inicio, newEnd)
            : (DayRange?)null;
        var moved = new[] { leaving, entering }.OfType<DayRange>().ToList();
        var update = sql.Text($"UPDATE janela_movel SET data_base = {today}, inicio = {now.Inicio}, fim = {now.Fim} WHERE janela = {key};");
        if (moved.Count == 0)
        {
            await sql.ExecuteAsync(update, cancellationToken);
            return;
        }

        SqlFragment Sign(string column) => leaving is { } l
            ? sql.Text($"CASE WHEN {SqlFragment.Raw(column)} >= {l.Inicio} AND {SqlFragment.Raw(column)} < {l.Fim} THEN -1 ELSE 1 END")
            : SqlFragment.Raw("1");
        var days = SalesSets.Days(sql, "d.dia", moved);
        var affected = sql.Text($"SELECT d.cliente_id FROM venda_cliente_dia d WHERE {days}");
        var plan = WindowPlan.Compose(now.Inicio, now.FimAte(today), today);
        await sql.ExecuteAsync($"""
            INSERT INTO ranking_cliente (janela, cliente_id, valor_centavos, custo_centavos, lucro_centavos, pedidos, produtos, produtos_bits)
              SELECT {key}, d.cliente_id, sum(({Sign("d.dia")}) * d.valor_centavos), sum(({Sign("d.dia")}) * d.custo_centavos),
                     sum(({Sign("d.dia")}) * (d.valor_centavos - d.custo_centavos)), sum(({Sign("d.dia")}) * d.pedidos), 0, {sql.NoBits}
              FROM venda_cliente_dia d WHERE {days} GROUP BY d.cliente_id ORDER BY d.cliente_id
              ON CONFLICT (janela, cliente_id) DO UPDATE SET
                {SalesSets.AddRankingFigures};
            INSERT INTO ranking_produto (janela, produto_id, valor_centavos, quantidade)
              SELECT {key}, d.produto_id, sum(({Sign("d.dia")}) * d.valor_centavos), sum(({Sign("d.dia")}) * d.quantidade)
              FROM venda_produto_dia d WHERE {days} GROUP BY d.produto_id ORDER BY d.produto_id
              ON CONFLICT (janela, produto_id) DO UPDATE SET
                valor_centavos = ranking_produto.valor_centavos + excluded.valor_centavos,
                quantidade = ranking_produto.quantidade + excluded.quantidade;
            {update}
            DELETE FROM ranking_cliente WHERE janela = {key} AND pedidos = 0;
            DELETE FROM ranking_produto WHERE janela = {key} AND quantidade = 0;
            UPDATE ranking_cliente SET produtos_bits = ({SalesSets.Union(sql, plan, SqlFragment.Raw("= ranking_cliente.cliente_id"))})
            WHERE janela = {key} AND cliente_id IN ({affected});
            UPDATE ranking_cliente SET produtos = {sql.BitsCount("produtos_bits")} WHERE janela = {key} AND cliente_id IN ({affected});
            """, cancellationToken);
    }

    private static bool IsBuilt(List<JanelaRow> rows) =>
        rows.Select(r => r.Janela).Order(StringComparer.Ordinal).SequenceEqual(JanelasMoveis.Keys.Order(StringComparer.Ordinal));

    private static bool IsCurrent(List<JanelaRow> rows, DateOnly today) => IsBuilt(rows) && rows.All(r => r.DataBase >= today);

    private sealed record JanelaRow(string Janela, DateOnly DataBase, DateOnly Inicio, DateOnly? Fim);
}
