using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sap.Domain.Data;
using Sap.Domain.Pagamentos;
using Sap.Domain.Pedidos;
using Sap.Domain.ReadModel;
using Sap.Domain.Time;
using Sap.Domain.Writes;
using Sap.Integration.Tests.ReadApi;

namespace Sap.Integration.Tests.WriteApi;

/// <summary>
/// Pedido writes running at once (ADR 7): writers of many clientes and writers of one cliente, with a roll of the
/// moving windows in the middle, leave the aggregates equal to a rebuild and every read equal to the oracle; no
/// session waits on an advisory lock meanwhile; and a pedido write holds no advisory lock at all.
/// </summary>
public sealed class ConcurrentWriteTests(PostgresServer postgres)
{
    private const int Writers = 16;
    private const int StepsPerWriter = 20;

    [Fact]
    public async Task A_burst_for_many_clientes_and_for_one_leaves_every_figure_equal_to_the_oracle_and_a_rebuild()
    {
        var db = await TestDatabases.CreateAsync(DatabaseProvider.Postgres, postgres);
        await MigratorProcess.OkAsync(db, "migrate");
        await MigratorProcess.OkAsync(db, "demo-data", "--scale", "small", "--seed", "7");
        var today = Seed.Today;
        var clientes = (await Sql.RowsAsync(db, "SELECT id FROM cliente ORDER BY id LIMIT 60")).Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToArray();
        var produtos = (await Sql.RowsAsync(db, "SELECT id FROM produto ORDER BY id")).Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToArray();
        var busiest = (await Oracle.LoadAsync(db)).LargestCliente;
        var lastPedido = await Sql.ScalarAsync<long>(db, "SELECT max(id) FROM pedido");
        await using var app = await SapApp.StartAsync(db, new Dictionary<string, string> { ["Sap:Cache:Enabled"] = "false" });
        // The moving windows left a day behind, so that the test can roll them while the writes run.
        await ReadModelDump.RebuildAsync(db, today.AddDays(-1));

        using var sampling = new CancellationTokenSource();
        var advisoryWaits = WatchAdvisoryWaitsAsync(db, sampling.Token);
        var created = new ConcurrentBag<long>();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        using var halfway = new CountdownEvent(Writers);
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(1000 + w);
            var mine = new List<long>();
            for (var step = 0; step < StepsPerWriter; step++)
            {
                if (step == StepsPerWriter / 2)
                {
                    halfway.Signal();
                }

                // The last four writers all write for one cliente; the others for clientes drawn from sixty.
                var cliente = w >= Writers - 4 ? busiest : clientes[random.Next(clientes.Length)];
                var (status, id) = await StepAsync(app, random, cliente, produtos, mine);
                statuses.Add(status);
                if (status == HttpStatusCode.Created && id is { } pedido)
                {
                    created.Add(pedido);
                }
            }
        }, TestContext.Current.CancellationToken)).ToList();
        var roll = Task.Run(async () =>
        {
            halfway.Wait(TestContext.Current.CancellationToken);
            await using var context = SapDatabase.CreateContext(db);
            await new SalesReadModel(BusinessCalendar.SaoPaulo).EnsureCurrentAsync(context, today, TestContext.Current.CancellationToken);
        }, TestContext.Current.CancellationToken);
        await Task.WhenAll([.. writers, roll]);
        await sampling.CancelAsync();

        Assert.Equal(0, await advisoryWaits);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, s.ToString()));
        Assert.Equal(created.Order(), (await Sql.RowsAsync(db, $"SELECT id FROM pedido WHERE id > {lastPedido} ORDER BY id")).Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)));

        // Every read against the oracle first, then the rows against a rebuild: when both differ, the rows say why.
        var oracle = await Oracle.LoadAsync(db);
        var mismatches = new List<string>();
        async Task CompareAsync(System.Text.Json.Nodes.JsonNode expected, string path)
        {
            try
            {
                JsonAssert.Equal(expected, (await app.GetAsync(path, "ADMIN")).Ok().Body, path);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                mismatches.Add(e.Message);
            }
        }

        await CompareAsync(oracle.Dashboard(today, null, null), "api/vendedor/dashboard");
        foreach (var periodo in new[] { "todos", "ultimo_mes", "ultimos_3_meses", "ultimos_6_meses", "ultimo_ano" })
        {
            await CompareAsync(oracle.Rankings(today, periodo, null, null), $"api/vendedor/rankings?periodo={periodo}");
        }

        foreach (var (inicio, fim) in ReadModelTests.Windows(today))
        {
            var query = ReadModelTests.Query(inicio, fim);
            await CompareAsync(oracle.Dashboard(today, inicio, fim), $"api/vendedor/dashboard?{query}");
            await CompareAsync(oracle.Rankings(today, "todos", inicio, fim), $"api/vendedor/rankings?{query}");
        }

        await CompareAsync(oracle.Cliente(busiest, 500)!, $"api/vendedor/clientes/{busiest}?limite=500");
        var maintained = await ReadModelDump.RowsAsync(db);
        await ReadModelDump.RebuildAsync(db, today);
        ReadModelDump.Same(await ReadModelDump.RowsAsync(db), maintained);
        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task Writers_of_different_clientes_never_wait_for_each_other()
    {
        var db = await TestDatabases.CreateAsync(DatabaseProvider.Postgres, postgres);
        await MigratorProcess.OkAsync(db, "migrate");
        await MigratorProcess.OkAsync(db, "demo-data", "--scale", "small", "--seed", "11");
        var clientes = (await Sql.RowsAsync(db, $"SELECT id FROM cliente ORDER BY id LIMIT {Writers}")).Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToArray();
        var produtos = (await Sql.RowsAsync(db, "SELECT id FROM produto ORDER BY id LIMIT 5")).Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToArray();
        await using var app = await SapApp.StartAsync(db);

        using var sampling = new CancellationTokenSource();
        var waits = WatchLockWaitsAsync(db, sampling.Token);
        // Each writer its own cliente; all of them on the same five produtos, the same day and the same month.
        var writers = clientes.Select((cliente, w) => Task.Run(async () =>
        {
            var random = new Random(2000 + w);
            for (var step = 0; step < StepsPerWriter; step++)
            {
                var response = await app.PostAsync("api/pedidos",
                    $$"""{"cliente_id":{{cliente}},"itens":[{{Itens(random, produtos)}}]}""", "VENDEDOR");
                Assert.Equal(HttpStatusCode.Created, response.Status);
            }
        }, TestContext.Current.CancellationToken)).ToList();
        await Task.WhenAll(writers);
        await sampling.CancelAsync();

        // Row, tuple and advisory locks are what writes would wait on for one another; a relation's extension lock (two
        // inserts growing one table at once) is the database's own and is left out.
        var rowWaits = (await waits).Where(w => w != "extend").ToList();
        Assert.True(rowWaits.Count == 0, $"writers waited on {string.Join(", ", rowWaits)}");
    }

    [Fact]
    public async Task A_pedido_write_holds_no_advisory_lock()
    {
        var db = await TestDatabases.CreateAsync(DatabaseProvider.Postgres, postgres);
        await MigratorProcess.OkAsync(db, "migrate");
        await MigratorProcess.OkAsync(db, "demo-data", "--scale", "small", "--seed", "3");
        await using var app = await SapApp.StartAsync(db);
        var runner = app.Services.GetRequiredService<WriteRunner>();
        var pedidos = app.Services.GetRequiredService<PedidoCommands>();
        var pagamentos = app.Services.GetRequiredService<PagamentoCommands>();
        var cliente = await Sql.ScalarAsync<long>(db, "SELECT min(id) FROM cliente");
        var produto = await Sql.ScalarAsync<long>(db, "SELECT min(id) FROM produto");
        var antigo = await Sql.ScalarAsync<long>(db, "SELECT min(id) FROM pedido WHERE status = 'Pendente'");
        var ct = TestContext.Current.CancellationToken;
        var held = new List<(string Write, long Locks)>();

        async Task<T> RunAsync<T>(string write, Func<WriteScope, Task<T>> change) =>
            (await runner.RunAsync(new WriteRequest("tests", write), async scope =>
            {
                var value = await change(scope);
                // Still inside the write's transaction, after everything it does to the aggregates.
                held.Add((write, await AdvisoryLocksAsync(scope.Db, ct)));
                return value;
            }, _ => new StoredResponse(200, null, null), ct)).Value!;

        var itens = new[] { new PedidoItemInput(produto, 3, 10m) };
        var novo = await RunAsync("create", s => pedidos.CreateAsync(s, new PedidoInput(cliente, null, itens), ct));
        var antes = await RunAsync("create dated before today", s => pedidos.CreateAsync(s, new PedidoInput(cliente, TestClock.Now.AddDays(-40), itens), ct));
        await RunAsync("change itens", s => pedidos.ReplaceItensAsync(s, novo.Id, new PedidoItensInput([new PedidoItemInput(produto, 5, 10m)]), ct));
        await RunAsync("payment", s => pagamentos.PayAsync(s, antigo, new PagamentoInput(1m, "Pix", null, null, null), ct));
        await RunAsync("cancel", s => pedidos.CancelAsync(s, antes.Id, ct));

        Assert.Equal(["create", "create dated before today", "change itens", "payment", "cancel"], held.Select(h => h.Write));
        Assert.All(held, h => Assert.True(h.Locks == 0, $"{h.Write} held {h.Locks} advisory locks"));
    }

    /// <summary>One random step of a writer: mostly new pedidos (now or up to 400 days back), else a change, a cancel or a payment of one of its own.</summary>
    private static async Task<(HttpStatusCode Status, long? Id)> StepAsync(SapApp app, Random random, long cliente, long[] produtos, List<long> mine)
    {
        var roll = random.Next(100);
        if (roll < 60 || mine.Count == 0)
        {
            var data = TestClock.Now.AddMinutes(-1).AddDays(random.Next(3) == 0 ? -random.Next(400) : 0);
            var response = await app.PostAsync("api/pedidos",
                $$"""{"cliente_id":{{cliente}},"data":"{{data:yyyy-MM-ddTHH:mm:ssZ}}","itens":[{{Itens(random, produtos)}}]}""", "VENDEDOR");
            var id = response.Status == HttpStatusCode.Created ? response.Json.GetProperty("id").GetInt64() : (long?)null;
            if (id is { } created)
            {
                mine.Add(created);
            }

            return (response.Status, id);
        }

        var pedido = mine[random.Next(mine.Count)];
        var result = roll switch
        {
            < 75 => await app.SendJsonAsync(HttpMethod.Put, $"api/pedidos/{pedido}", $$"""{"itens":[{{Itens(random, produtos)}}]}""", ["VENDEDOR"]),
            < 85 => await app.PostAsync($"api/pedidos/{pedido}/cancelar", null, "VENDEDOR"),
            _ => await app.PostAsync($"api/pedidos/{pedido}/pagamentos", """{"valor":1.00,"metodo_pagamento":"Pix"}""", "FINANCEIRO"),
        };
        return (result.Status, null);
    }

    private static string Itens(Random random, long[] produtos) => string.Join(',',
        Enumerable.Range(0, 1 + random.Next(3)).Select(_ => string.Create(CultureInfo.InvariantCulture,
            $$"""{"produto_id":{{produtos[random.Next(produtos.Length)]}},"quantidade":{{1 + random.Next(20)}},"preco_venda":{{random.Next(100, 9000) / 100m:0.00}}}""")));

    /// <summary>The most sessions seen at once waiting on an advisory lock in the database, sampled until cancelled.</summary>
    private static async Task<long> WatchAdvisoryWaitsAsync(DatabaseSettings db, CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
            """, connection);
        long most = 0;
        while (!stop.IsCancellationRequested)
        {
            most = Math.Max(most, (long)(await command.ExecuteScalarAsync(CancellationToken.None))!);
        }

        return most;
    }

    /// <summary>Every kind of heavyweight lock a session of the database was seen waiting on, sampled until cancelled.</summary>
    private static async Task<List<string>> WatchLockWaitsAsync(DatabaseSettings db, CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("""
            SELECT wait_event FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
            """, connection);
        var seen = new List<string>();
        while (!stop.IsCancellationRequested)
        {
            await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
            while (await reader.ReadAsync(CancellationToken.None))
            {
                seen.Add(reader.GetString(0));
            }
        }

        return seen;
    }

    private static async Task<long> AdvisoryLocksAsync(SapDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory'")
            .SingleAsync(cancellationToken);
}
