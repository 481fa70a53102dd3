using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;
using Sap.Domain.Time;

namespace Sap.Domain.ReadModel;

/// <summary>
/// Works the whole sales model out from the pedidos, as of a business date, inside the caller's transaction: the
/// cliente totals and produtos, the day rows, every stored window from the day rows, the months' apuração figures.
/// Business dates of the pedidos are computed in SQL from the zone's offsets (<see cref="BusinessCalendar.Offsets"/>).
/// </summary>
internal static class SalesRebuild
{
    public static async Task BuildAsync(SapDbContext db, BusinessCalendar calendar, DateOnly today, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var moveis = SqlFragment.Join(", ", JanelasMoveis.On(today).Select(j => sql.Text($"({sql.P(j.Key)}, {today}, {j.Inicio}, {j.Fim})")));
        await sql.ExecuteAsync($"""
            DELETE FROM venda_produto_delta;
            DELETE FROM venda_mes_delta;
            DELETE FROM ranking_cliente_delta;
            DELETE FROM janela_movel;
            INSERT INTO janela_movel (janela, data_base, inicio, fim) VALUES {moveis};
            DELETE FROM ranking_cliente;
            DELETE FROM ranking_produto;
            DELETE FROM venda_cliente_dia;
            DELETE FROM venda_produto_dia;
            DELETE FROM venda_mes;
            {Clientes(sql)}
            """, cancellationToken);
        if (await db.Pedidos.MinAsync(p => (DateTime?)p.Data, cancellationToken) is not { } oldest)
        {
            return;
        }

        var newest = await db.Pedidos.MaxAsync(p => p.Data, cancellationToken);
        var offsets = calendar.Offsets(oldest, newest);
        sql = new SapSql(db);
        var dia = sql.BusinessDate("p.data", offsets);
        SqlFragment C(string column) => sql.Cents(column);
        var paid = sql.Text($"{sql.Num("p.valor_total")} > 0 AND {sql.Num("p.valor_pago")} >= {sql.Num("p.valor_total")}");
        await sql.ExecuteAsync($"""
            WITH pd AS (SELECT p.id, p.cliente_id, {dia} AS dia, {C("p.valor_total")} AS valor, {C("p.custo_total")} AS custo FROM pedido p WHERE {SalesSets.NotCancelled}),
            s AS (SELECT pd.cliente_id, pd.dia, sum(pd.valor) AS valor, sum(pd.custo) AS custo, count(*) AS pedidos FROM pd GROUP BY pd.cliente_id, pd.dia),
            b AS (SELECT pd.cliente_id, pd.dia, {sql.BitsUnion(sql.Bit("i.produto_id"))} AS bits
                  FROM pd JOIN item_pedido i ON i.pedido_id = pd.id GROUP BY pd.cliente_id, pd.dia)
            INSERT INTO venda_cliente_dia (cliente_id, dia, valor_centavos, custo_centavos, pedidos, produtos_bits)
              SELECT s.cliente_id, s.dia, s.valor, s.custo, s.pedidos, b.bits FROM s LEFT JOIN b ON b.cliente_id = s.cliente_id AND b.dia = s.dia;
            INSERT INTO venda_produto_dia (produto_id, dia, valor_centavos, quantidade)
              SELECT i.produto_id, {dia}, sum({C("i.valor_total_venda")}), sum(i.quantidade)
              FROM pedido p JOIN item_pedido i ON i.pedido_id = p.id WHERE {SalesSets.NotCancelled} GROUP BY 1, 2;
            INSERT INTO venda_mes (ano, mes, receita_centavos, cpv_centavos, pedidos, pedidos_pagos)
              SELECT {sql.Year(dia)}, {sql.Month(dia)},
                     sum(CASE WHEN {paid} THEN {C("p.valor_total")} ELSE 0 END), sum(CASE WHEN {paid} THEN {C("p.custo_total")} ELSE 0 END),
                     count(*), sum(CASE WHEN {paid} THEN 1 ELSE 0 END)
              FROM pedido p WHERE {SalesSets.NotCancelled} GROUP BY 1, 2;
            """, cancellationToken);

        sql = new SapSql(db);
        var all = SqlFragment.Raw("true");
        var janelas = new List<(SqlFragment Key, SqlFragment Filter)>
        {
            (sql.P(Janela.TodosKey), all),
            (sql.YearKey("d.dia"), all),
            (sql.QuarterKey("d.dia"), all),
            (sql.MonthKey("d.dia"), all),
        };
        janelas.AddRange(JanelasMoveis.On(today).Select(j =>
            (sql.P(j.Key), sql.Text($"d.dia >= {j.Inicio}{(j.Fim is { } fim ? sql.Text($" AND d.dia < {fim}") : SqlFragment.Empty)}"))));
        await sql.ExecuteAsync($"{SqlFragment.Join("\n", janelas.Select(j => sql.Text($"""
            INSERT INTO ranking_cliente (janela, cliente_id, valor_centavos, custo_centavos, lucro_centavos, pedidos, produtos, produtos_bits)
              SELECT {j.Key}, d.cliente_id, sum(d.valor_centavos), sum(d.custo_centavos), sum(d.valor_centavos - d.custo_centavos), sum(d.pedidos), 0,
                     {sql.BitsUnion("d.produtos_bits")}
              FROM venda_cliente_dia d WHERE {j.Filter} GROUP BY 1, 2;
            INSERT INTO ranking_produto (janela, produto_id, valor_centavos, quantidade)
              SELECT {j.Key}, d.produto_id, sum(d.valor_centavos), sum(d.quantidade) FROM venda_produto_dia d WHERE {j.Filter} GROUP BY 1, 2;
            """)))}\nUPDATE ranking_cliente SET produtos = {sql.BitsCount("produtos_bits")};", cancellationToken);
    }

    /// <summary>venda_cliente and venda_cliente_produto of every cliente, from its pedidos.</summary>
    private static SqlFragment Clientes(SapSql sql)
    {
        SqlFragment C(string column) => sql.Cents(column);
        SqlFragment Newest(string column, string order) =>
            sql.Text($"(SELECT {SqlFragment.Raw(column)} FROM pedido p WHERE p.cliente_id = venda_cliente.cliente_id AND {SalesSets.NotCancelled} ORDER BY {SqlFragment.Raw(order)} LIMIT 1)");
        return sql.Text($"""
            DELETE FROM venda_cliente;
            INSERT INTO venda_cliente (cliente_id, valor_centavos, custo_centavos, pedidos, produtos)
              SELECT p.cliente_id, sum({C("p.valor_total")}), sum({C("p.custo_total")}), count(*), 0
              FROM pedido p WHERE {SalesSets.NotCancelled} GROUP BY p.cliente_id;
            DELETE FROM venda_cliente_produto;
            INSERT INTO venda_cliente_produto (cliente_id, produto_id, quantidade, valor_centavos, ultima_compra)
              SELECT p.cliente_id, i.produto_id, sum(i.quantidade), sum({C("i.valor_total_venda")}), max(p.data)
              FROM pedido p JOIN item_pedido i ON i.pedido_id = p.id
              WHERE {SalesSets.NotCancelled} GROUP BY p.cliente_id, i.produto_id;
            UPDATE venda_cliente SET
              produtos = (SELECT count(*) FROM venda_cliente_produto cp WHERE cp.cliente_id = venda_cliente.cliente_id),
              primeiro_pedido_id = {Newest("p.id", "p.data, p.id")},
              ultimo_pedido_id = {Newest("p.id", "p.data DESC, p.id")};
            UPDATE venda_cliente SET
              primeira_compra = (SELECT p.data FROM pedido p WHERE p.id = venda_cliente.primeiro_pedido_id),
              ultima_compra = (SELECT p.data FROM pedido p WHERE p.id = venda_cliente.ultimo_pedido_id),
              valor_ultima_compra_centavos = (SELECT {C("p.valor_total")} FROM pedido p WHERE p.id = venda_cliente.ultimo_pedido_id);
            """);
    }
}
