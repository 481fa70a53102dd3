using Sap.Domain.Clientes;
using Sap.Domain.Data;

namespace Sap.Integration.Tests;

public sealed class DemoDataTests(PostgresServer postgres)
{
    private const string Today = "2025-09-30";

    private static readonly string[] Tables =
    [
        "cliente", "produto", "estoque", "movimentacao_estoque", "pedido", "item_pedido", "pagamento", "coleta",
        "item_coletado", "apuracao", "log_atividade",
    ];

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task The_same_seed_and_day_give_identical_rows_in_two_databases(DatabaseProvider provider)
    {
        var first = await MigratedAsync(provider);
        var second = await MigratedAsync(provider);
        var other = await MigratedAsync(provider);

        await LoadAsync(first, "1");
        await LoadAsync(second, "1");
        await LoadAsync(other, "2");

        var anyDifference = false;
        foreach (var table in Tables)
        {
            var rows = await Sql.DumpAsync(first, table);
            Assert.NotEmpty(rows);
            Assert.Equal(rows, await Sql.DumpAsync(second, table));
            anyDifference |= !rows.SequenceEqual(await Sql.DumpAsync(other, table));
        }

        Assert.True(anyDifference, "another seed must give other data");
    }

    [Fact]
    public async Task A_database_with_pedidos_is_refused_unless_forced()
    {
        var db = await MigratedAsync(DatabaseProvider.Postgres);
        await LoadAsync(db, "1");
        var before = await Sql.DumpAsync(db, "pedido");

        var refused = await MigratorProcess.RunAsync(db, "demo-data", "--scale", "small", "--seed", "2", "--today", Today);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", Assert.Single(refused.StderrLines), StringComparison.Ordinal);
        Assert.Equal(before, await Sql.DumpAsync(db, "pedido"));

        await MigratorProcess.OkAsync(db, "demo-data", "--scale", "small", "--seed", "2", "--today", Today, "--force");
        Assert.NotEqual(before, await Sql.DumpAsync(db, "pedido"));
        Assert.Equal(5_000L, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM pedido"));
        // Identities continue after the loaded ids, so the app's own inserts do not collide with them.
        await Sql.ExecuteAsync(db, "INSERT INTO cliente (nome, nome_chave, data_cadastro) VALUES ('Novo Cliente', 'novo cliente', now())");
        Assert.Equal(201L, await Sql.ScalarAsync<long>(db, "SELECT max(id) FROM cliente"));
    }

    [Fact]
    public async Task Small_scale_is_realistic_and_consistent_by_an_independent_sql_check()
    {
        var db = await MigratedAsync(DatabaseProvider.Postgres);
        await LoadAsync(db, "7");

        Assert.Equal(200L, await Scalar(db, "SELECT count(*) FROM cliente"));
        Assert.Equal(5_000L, await Scalar(db, "SELECT count(*) FROM pedido"));
        Assert.Equal(3L, await Scalar(db, "SELECT count(DISTINCT categoria) FROM produto"));
        Assert.Equal(0L, await Scalar(db, "SELECT count(*) FROM (SELECT pedido_id FROM item_pedido GROUP BY 1 HAVING count(*) NOT BETWEEN 1 AND 8) x"));
        Assert.Equal(0L, await Scalar(db, "SELECT count(*) FROM pedido p WHERE NOT EXISTS (SELECT 1 FROM item_pedido i WHERE i.pedido_id = p.id)"));

        // Pedidos spread over the 24 months before the reference day, none on or after it (business time).
        Assert.Equal(0L, await Scalar(db, $"SELECT count(*) FROM pedido WHERE (data AT TIME ZONE 'America/Sao_Paulo')::date >= DATE '{Today}'"));
        Assert.Equal(0L, await Scalar(db, $"SELECT count(*) FROM pedido WHERE (data AT TIME ZONE 'America/Sao_Paulo')::date < DATE '{Today}' - INTERVAL '24 months'"));
        Assert.True(await Scalar(db, "SELECT count(DISTINCT date_trunc('month', data AT TIME ZONE 'America/Sao_Paulo')) FROM pedido") >= 24);

        // Stored totals agree with the itens and the approved payments.
        Assert.Equal(0L, await Scalar(db, """
            SELECT count(*) FROM pedido p JOIN (
              SELECT pedido_id, sum(valor_total_venda) v, sum(valor_total_compra) c, sum(lucro_bruto) l,
                     bool_and(valor_total_venda = quantidade * preco_venda AND valor_total_compra = quantidade * preco_compra) ok
              FROM item_pedido GROUP BY pedido_id) i ON i.pedido_id = p.id
            WHERE p.valor_total <> i.v OR p.custo_total <> i.c OR i.l <> i.v - i.c OR NOT i.ok
            """));
        Assert.Equal(0L, await Scalar(db, """
            SELECT count(*) FROM pedido p
            WHERE p.valor_pago <> coalesce((SELECT sum(valor) FROM pagamento g WHERE g.pedido_id = p.id AND g.status = 'aprovado'), 0)
            """));

        // Status follows payments and pickups; the mix has every kind.
        var byStatus = (await Sql.RowsAsync(db, "SELECT status, count(*) FROM pedido GROUP BY status"))
            .ToDictionary(r => (string)r[0]!, r => (long)r[1]!);
        Assert.Equal(5, byStatus.Count);
        Assert.True(byStatus["Cancelado"] is > 50 and < 500);
        Assert.Equal(0L, await Scalar(db, """
            SELECT count(*) FROM pedido WHERE
              (status = 'Cancelado' AND valor_pago <> 0)
              OR (status IN ('Pagamento Aprovado', 'Coleta Parcial', 'Coleta Concluída') AND valor_pago < valor_total)
              OR (status = 'Pendente' AND valor_pago >= valor_total)
            """));
        Assert.True(await Scalar(db, "SELECT count(*) FROM pedido WHERE status = 'Pendente' AND valor_pago > 0") > 0);
        Assert.True(await Scalar(db, "SELECT count(*) FROM pagamento WHERE status = 'rejeitado'") > 0);
        Assert.Equal(0L, await Scalar(db, """
            SELECT count(*) FROM pedido p WHERE status = 'Coleta Concluída' AND EXISTS (
              SELECT 1 FROM item_pedido i WHERE i.pedido_id = p.id
              AND i.quantidade <> (SELECT coalesce(sum(quantidade_coletada), 0) FROM item_coletado c WHERE c.item_pedido_id = i.id))
            """));

        // Apurações: receita and cpv of each month as the SPEC's "calculado" defines it, computed here in SQL.
        var mismatches = await Sql.RowsAsync(db, """
            SELECT a.ano, a.mes, a.receita_total, a.custo_produtos, coalesce(x.receita, 0), coalesce(x.cpv, 0)
            FROM apuracao a LEFT JOIN (
              SELECT extract(year FROM data AT TIME ZONE 'America/Sao_Paulo') ano, extract(month FROM data AT TIME ZONE 'America/Sao_Paulo') mes,
                     sum(valor_total) receita, sum(custo_total) cpv
              FROM pedido p
              WHERE status <> 'Cancelado' AND valor_total > 0
                AND (SELECT coalesce(sum(valor), 0) FROM pagamento g WHERE g.pedido_id = p.id AND g.status = 'aprovado') >= valor_total
              GROUP BY 1, 2) x ON x.ano = a.ano AND x.mes = a.mes
            WHERE a.receita_total <> coalesce(x.receita, 0) OR a.custo_produtos <> coalesce(x.cpv, 0)
            """);
        Assert.Empty(mismatches);
        Assert.Equal(12L, await Scalar(db, "SELECT count(*) FROM apuracao"));
        Assert.True(await Scalar(db, "SELECT count(*) FROM apuracao WHERE definitivo") > 0);

        // Clientes: valid CPF/CNPJ when present, and every dashboard bucket populated.
        var documents = (await Sql.RowsAsync(db, "SELECT cpf_cnpj FROM cliente WHERE cpf_cnpj IS NOT NULL")).Select(r => (string)r[0]!).ToList();
        Assert.Contains(documents, d => d.Length == 11);
        Assert.Contains(documents, d => d.Length == 14);
        Assert.All(documents, d => Assert.True(CpfCnpj.IsValid(d), d));
        var buckets = await Sql.RowsAsync(db, $"""
            SELECT count(*) FILTER (WHERE dias BETWEEN 8 AND 15), count(*) FILTER (WHERE dias BETWEEN 16 AND 30),
                   count(*) FILTER (WHERE dias > 30), count(*) FILTER (WHERE dias <= 7)
            FROM (SELECT DATE '{Today}' - max((data AT TIME ZONE 'America/Sao_Paulo')::date) dias
                  FROM pedido WHERE status <> 'Cancelado' GROUP BY cliente_id) x
            """);
        Assert.All(buckets[0], n => Assert.True((long)n! > 0));
    }

    private async Task<DatabaseSettings> MigratedAsync(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateAsync(provider, postgres);
        await MigratorProcess.OkAsync(db, "migrate");
        return db;
    }

    private static Task<string> LoadAsync(DatabaseSettings db, string seed) =>
        MigratorProcess.OkAsync(db, "demo-data", "--scale", "small", "--seed", seed, "--today", Today);

    private static Task<long> Scalar(DatabaseSettings db, string sql) => Sql.ScalarAsync<long>(db, sql);
}
