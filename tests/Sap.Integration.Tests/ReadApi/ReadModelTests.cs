using System.Globalization;
using System.Net;
using System.Text.Json;
using Sap.Domain.Data;
using Sap.Domain.ReadModel;
using Sap.Domain.Time;

namespace Sap.Integration.Tests.ReadApi;

/// <summary>
/// The sales read model (ADR 7) against the pedidos it sums up: after random writes through the API every read, over
/// every kind of window (stored or not, one day to all time), matches the oracle and the stored rows equal a rebuild
/// from scratch; moving to a later day rolls the moving windows to exactly the rows a rebuild as of that day gives.
/// </summary>
public sealed class ReadModelTests(PostgresServer postgres)
{
    private const string Admin = "ADMIN";

    private static readonly string[] Periodos = ["todos", "ultimo_mes", "ultimos_3_meses", "ultimos_6_meses", "ultimo_ano"];

    private static DateOnly Today => Seed.Today;

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task After_random_writes_every_read_matches_the_oracle_and_a_rebuild(DatabaseProvider provider)
    {
        var db = await DemoDatabaseAsync(provider);
        await using var app = await SapApp.StartAsync(db, new Dictionary<string, string> { ["Sap:Cache:Enabled"] = "false" });
        var clientes = (await Sql.RowsAsync(db, "SELECT id FROM cliente ORDER BY id")).Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToArray();
        var produtos = (await Sql.RowsAsync(db, "SELECT id FROM produto ORDER BY id")).Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToArray();
        var random = new Random(20261129);
        var touched = new HashSet<long>();
        var created = new List<long>();

        for (var step = 0; step < 80; step++)
        {
            var roll = random.Next(100);
            if (roll < 40 || created.Count < 3)
            {
                // A pedido for a random cliente, dated anywhere in the last 400 days (every window, and outside them),
                // today included but never later than now.
                var cliente = clientes[random.Next(clientes.Length)];
                var data = Seed.Past(Today.AddDays(-random.Next(400)), random.Next(8, 20));
                var response = await app.PostAsync("api/pedidos",
                    $$"""{"cliente_id":{{cliente}},"data":"{{data:yyyy-MM-ddTHH:mm:ssZ}}","itens":[{{Itens(random, produtos)}}]}""", "VENDEDOR");
                Assert.True(response.Status == HttpStatusCode.Created, response.ToString());
                created.Add(response.Json.GetProperty("id").GetInt64());
                touched.Add(cliente);
                continue;
            }

            var pedido = random.Next(3) == 0 ? created[random.Next(created.Count)] : await RandomPedidoAsync(db, random);
            var (clienteId, saldo, pagamento) = await PedidoStateAsync(db, pedido);
            touched.Add(clienteId);
            var result = roll switch
            {
                < 55 => await app.SendJsonAsync(HttpMethod.Put, $"api/pedidos/{pedido}", $$"""{"itens":[{{Itens(random, produtos)}}]}""", ["VENDEDOR"]),
                < 65 => await app.PostAsync($"api/pedidos/{pedido}/cancelar", null, "VENDEDOR"),
                < 90 => await app.PostAsync($"api/pedidos/{pedido}/pagamentos",
                    string.Create(CultureInfo.InvariantCulture, $$"""{"valor":{{Math.Max(0.01m, Math.Round(saldo * (random.Next(2) == 0 ? 1m : 0.5m), 2)):0.00}},"metodo_pagamento":"Pix"}"""), "FINANCEIRO"),
                _ when pagamento is { } p => await app.PostAsync($"api/pagamentos/{p}/rejeitar", null, "FINANCEIRO"),
                _ => await app.PostAsync($"api/pedidos/{pedido}/cancelar", null, "VENDEDOR"),
            };
            // Rules may refuse a step (a cancelled pedido, a payment over the saldo); what matters is that nothing else fails.
            Assert.True(result.Status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity,
                $"{result.Status}: {result.Body}");
        }

        var oracle = await ReadsMatchTheOracleAsync(app, db);
        JsonAssert.Equal(oracle.Clientes(Today, "todos"), (await app.GetAsync("api/vendedor/clientes", Admin)).Ok().Body);
        foreach (var cliente in touched)
        {
            JsonAssert.Equal(oracle.Cliente(cliente, 500), (await app.GetAsync($"api/vendedor/clientes/{cliente}?limite=500", Admin)).Ok().Body);
            JsonAssert.Equal(oracle.ClienteProdutos(cliente), (await app.GetAsync($"api/vendedor/clientes/{cliente}/produtos", Admin)).Ok().Body);
        }

        for (var month = Today.AddMonths(-14); month <= Today; month = month.AddMonths(1))
        {
            JsonAssert.Equal(oracle.Apuracao(month.Year, month.Month, Today), (await app.GetAsync($"api/apuracao?mes={month.Month}&ano={month.Year}", Admin)).Ok().Body);
        }

        var maintained = await ReadModelDump.RowsAsync(db);
        await ReadModelDump.RebuildAsync(db, Today);
        ReadModelDump.Same(await ReadModelDump.RowsAsync(db), maintained);
    }

    [Fact]
    public async Task Reads_add_the_cliente_deltas_no_fold_moved_and_a_change_moves_its_clientes_first()
    {
        var db = await DemoDatabaseAsync(DatabaseProvider.Postgres);
        await using var app = await SapApp.StartAsync(db, new Dictionary<string, string> { ["Sap:Cache:Enabled"] = "false" });
        var clientes = (await Sql.RowsAsync(db, "SELECT id FROM cliente ORDER BY id LIMIT 4")).Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToArray();
        var produtos = (await Sql.RowsAsync(db, "SELECT id FROM produto ORDER BY id")).Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToArray();
        var random = new Random(20261202);
        var created = new List<(long Pedido, long Cliente)>();

        // The fold's turn, held as a fold holds it (writes do not mind it): no delta is moved until it is let go.
        await using var turn = await Sql.OpenAsync(db);
        await using var hold = await turn.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var take = turn.CreateCommand())
        {
            take.CommandText = "SELECT janela FROM janela_movel ORDER BY janela LIMIT 1 FOR NO KEY UPDATE";
            await take.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        // Dated in every kind of window: today, the moving ones, calendar blocks of this year and the last, before them.
        foreach (var daysAgo in new[] { 0, 3, 20, 40, 100, 200, 300, 500 })
        {
            var cliente = clientes[created.Count % clientes.Length];
            var data = Seed.Past(Today.AddDays(-daysAgo), 10);
            var response = await app.PostAsync("api/pedidos",
                $$"""{"cliente_id":{{cliente}},"data":"{{data:yyyy-MM-ddTHH:mm:ssZ}}","itens":[{{Itens(random, produtos)}}]}""", "VENDEDOR");
            Assert.True(response.Status == HttpStatusCode.Created, response.ToString());
            created.Add((response.Json.GetProperty("id").GetInt64(), cliente));
        }

        Assert.Equal(created.Count, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM ranking_cliente_delta"));
        await ReadsMatchTheOracleAsync(app, db);

        // A change of a pedido whose cliente has deltas waiting: they are moved in first, the other clientes' stay.
        var edited = created[0];
        var cancelled = created[1];
        Assert.Equal(HttpStatusCode.OK, (await app.SendJsonAsync(HttpMethod.Put, $"api/pedidos/{edited.Pedido}", $$"""{"itens":[{{Itens(random, produtos)}}]}""", ["VENDEDOR"])).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync($"api/pedidos/{cancelled.Pedido}/cancelar", null, "VENDEDOR")).Status);
        Assert.Equal(0, await Sql.ScalarAsync<long>(db, $"SELECT count(*) FROM ranking_cliente_delta WHERE cliente_id IN ({edited.Cliente}, {cancelled.Cliente})"));
        Assert.Equal(created.Count(c => c.Cliente != edited.Cliente && c.Cliente != cancelled.Cliente),
            await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM ranking_cliente_delta"));
        await ReadsMatchTheOracleAsync(app, db);

        await hold.RollbackAsync(TestContext.Current.CancellationToken);
        var maintained = await ReadModelDump.RowsAsync(db);
        await ReadModelDump.RebuildAsync(db, Today);
        ReadModelDump.Same(await ReadModelDump.RowsAsync(db), maintained);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres, 3)]
    [InlineData(DatabaseProvider.Postgres, 45)]
    [InlineData(DatabaseProvider.Sqlite, 3)]
    [InlineData(DatabaseProvider.Sqlite, 400)]
    public async Task A_later_day_rolls_the_windows_to_what_a_rebuild_as_of_that_day_gives(DatabaseProvider provider, int daysLater)
    {
        var db = await DemoDatabaseAsync(provider);
        var asOf = Today.AddDays(-daysLater);
        await ReadModelDump.RebuildAsync(db, Today);
        var rebuilt = await ReadModelDump.RowsAsync(db);
        await ReadModelDump.RebuildAsync(db, asOf);
        Assert.NotEqual(rebuilt, await ReadModelDump.RowsAsync(db));

        await using (var context = SapDatabase.CreateContext(db))
        {
            await new SalesReadModel(BusinessCalendar.SaoPaulo).EnsureCurrentAsync(context, Today, TestContext.Current.CancellationToken);
        }

        Assert.Equal(rebuilt, await ReadModelDump.RowsAsync(db));
    }

    [Fact]
    public async Task A_read_of_a_dated_window_rolls_a_read_model_left_behind_by_an_earlier_day()
    {
        var db = await DemoDatabaseAsync(DatabaseProvider.Postgres);
        await ReadModelDump.RebuildAsync(db, Today.AddDays(-10));
        await using var app = await SapApp.StartAsync(db, new Dictionary<string, string> { ["Sap:Cache:Enabled"] = "false" });
        var oracle = await Oracle.LoadAsync(db);

        foreach (var periodo in Periodos)
        {
            JsonAssert.Equal(oracle.Rankings(Today, periodo, null, null), (await app.GetAsync($"api/vendedor/rankings?periodo={periodo}", Admin)).Ok().Body);
        }
    }

    [Fact]
    public async Task The_migrator_rebuilds_a_read_model_changed_behind_its_back()
    {
        var db = await DemoDatabaseAsync(DatabaseProvider.Postgres);
        var built = await ReadModelDump.RowsAsync(db);
        await Sql.ExecuteAsync(db, "UPDATE venda_cliente SET valor_centavos = 0; DELETE FROM ranking_produto WHERE janela = 'ultimos-30'; UPDATE venda_mes SET pedidos = 1");

        var result = await MigratorProcess.OkAsync(db, "rebuild-read-model");

        Assert.Contains("Sales read model rebuilt as of", result, StringComparison.Ordinal);
        Assert.Equal(built, await ReadModelDump.RowsAsync(db));
    }

    /// <summary>The dashboard and the rankings of every periodo and of every explicit window, against the oracle (returned).</summary>
    private static async Task<Oracle> ReadsMatchTheOracleAsync(SapApp app, DatabaseSettings db)
    {
        var oracle = await Oracle.LoadAsync(db);
        JsonAssert.Equal(oracle.Dashboard(Today, null, null), (await app.GetAsync("api/vendedor/dashboard", Admin)).Ok().Body);
        foreach (var periodo in Periodos)
        {
            JsonAssert.Equal(oracle.Rankings(Today, periodo, null, null), (await app.GetAsync($"api/vendedor/rankings?periodo={periodo}", Admin)).Ok().Body);
        }

        foreach (var (inicio, fim) in Windows(Today))
        {
            var query = Query(inicio, fim);
            JsonAssert.Equal(oracle.Dashboard(Today, inicio, fim), (await app.GetAsync($"api/vendedor/dashboard?{query}", Admin)).Ok().Body);
            JsonAssert.Equal(oracle.Rankings(Today, "todos", inicio, fim), (await app.GetAsync($"api/vendedor/rankings?{query}", Admin)).Ok().Body);
        }

        return oracle;
    }

    private async Task<DatabaseSettings> DemoDatabaseAsync(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateAsync(provider, postgres);
        await MigratorProcess.OkAsync(db, "migrate");
        await MigratorProcess.DemoDataAsync(db, 5);
        return db;
    }

    /// <summary>
    /// Explicit windows as a manager picks them, all counted from today: single days, calendar months, a quarter and a
    /// year (stored blocks), year to date, the last twelve closed months, ragged windows across month, quarter and year
    /// boundaries, all time, open on one side, reversed.
    /// </summary>
    public static IEnumerable<(DateOnly? Inicio, DateOnly? Fim)> Windows(DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        var quarter = new DateOnly(today.Year, (((today.Month - 1) / 3) * 3) + 1, 1).AddMonths(-3);
        var newYear = new DateOnly(today.Year, 1, 1);
        return
        [
            (today, today),
            (today.AddDays(-45), today.AddDays(-45)),
            (month, month),
            (month.AddMonths(-1), month.AddDays(-1)),
            (month.AddMonths(-7), month.AddMonths(-6).AddDays(-1)),
            (quarter, quarter.AddMonths(3).AddDays(-1)),
            (newYear.AddYears(-1), newYear.AddDays(-1)),
            (newYear, today),
            (month.AddMonths(-12), month.AddDays(-1)),
            (month.AddMonths(-1).AddDays(9), month.AddDays(4)),
            (today.AddDays(-200), today.AddDays(-20)),
            (newYear.AddDays(-12), newYear.AddDays(9)),
            (today.AddDays(-30), today),
            (today.AddDays(-365), today),
            (today.AddDays(-400), today.AddDays(-2)),
            (new DateOnly(1900, 1, 1), new DateOnly(2100, 12, 31)),
            (today.AddDays(-100), null),
            (null, today.AddDays(-100)),
            (today.AddDays(-10), today.AddDays(-60)),
        ];
    }

    public static string Query(DateOnly? inicio, DateOnly? fim) => string.Join('&', new[]
    {
        inicio is { } a ? $"data_inicio={a:yyyy-MM-dd}" : null,
        fim is { } b ? $"data_fim={b:yyyy-MM-dd}" : null,
    }.Where(p => p is not null));

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static string Itens(Random random, long[] produtos) => string.Join(',',
        Enumerable.Range(0, 1 + random.Next(4)).Select(_ => string.Create(CultureInfo.InvariantCulture,
            $$"""{"produto_id":{{produtos[random.Next(produtos.Length)]}},"quantidade":{{1 + random.Next(30)}},"preco_venda":{{random.Next(100, 9000) / 100m:0.00}}}""")));

    private static async Task<long> RandomPedidoAsync(DatabaseSettings db, Random random)
    {
        var ids = await Sql.RowsAsync(db, $"SELECT id FROM pedido ORDER BY id LIMIT 1 OFFSET {random.Next(4000)}");
        return Convert.ToInt64(ids[0][0], CultureInfo.InvariantCulture);
    }

    private static async Task<(long Cliente, decimal Saldo, long? Pagamento)> PedidoStateAsync(DatabaseSettings db, long pedido)
    {
        var row = (await Sql.RowsAsync(db, $"""
            SELECT cliente_id, valor_total, valor_pago,
                   (SELECT max(id) FROM pagamento WHERE pedido_id = {pedido} AND status = 'aprovado')
            FROM pedido WHERE id = {pedido}
            """))[0];
        return (Convert.ToInt64(row[0], CultureInfo.InvariantCulture),
            Convert.ToDecimal(row[1], CultureInfo.InvariantCulture) - Convert.ToDecimal(row[2], CultureInfo.InvariantCulture),
            row[3] is null or DBNull ? null : Convert.ToInt64(row[3], CultureInfo.InvariantCulture));
    }
}
