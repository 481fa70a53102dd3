using System.Diagnostics;
using System.Text.Json;

namespace Sap.Integration.Tests.Cache;

/// <summary>Redis and the queue stopped and started under the app: reads keep answering, nothing is lost, nothing stale stays.</summary>
public sealed class CacheFaultTests(PostgresServer postgres, EventStack stack, ITestOutputHelper output) : IClassFixture<EventStack>
{
    [Fact]
    public async Task With_redis_down_reads_come_from_the_database_fast_and_after_it_returns_nothing_stale_is_served()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        await MigratorProcess.DemoDataAsync(db, 11);
        var deployment = EventStack.NewDeployment();
        await using var a = await stack.StartAppAsync(db, deployment);
        await using var b = await stack.StartAppAsync(db, deployment);
        var produto = await Sql.ScalarAsync<long>(db, "SELECT min(id) FROM produto");
        const long Cliente = 3;
        var detail = $"api/vendedor/clientes/{Cliente}?limite=1";
        var before = ClienteDetail.TotalPedidos(await b.GetAsync(detail, "VENDEDOR"));
        Assert.Equal("HIT", (await b.GetAsync(detail, "VENDEDOR")).Headers["X-Cache"]);

        await stack.Redis.StopAsync();
        try
        {
            // Every read a different key: each misses and is computed from the database while Redis is away.
            var today = Seed.Today;
            string Path(int i) => (i % 4) switch
            {
                0 => $"api/vendedor/dashboard?data_inicio={today.AddDays(-i - 1):yyyy-MM-dd}",
                1 => $"api/vendedor/rankings?data_inicio={today.AddDays(-i - 1):yyyy-MM-dd}&data_fim={today:yyyy-MM-dd}",
                2 => $"api/vendedor/clientes/{1 + (i % 150)}?limite={1 + (i % 40)}",
                _ => $"api/vendedor/clientes/busca?q=a{i}",
            };
            var timings = new List<double>();
            for (var i = 0; i < 120; i++)
            {
                var clock = Stopwatch.StartNew();
                var read = (await b.GetAsync(Path(i), "FINANCEIRO")).Ok();
                timings.Add(clock.Elapsed.TotalMilliseconds);
                Assert.Equal("MISS", read.Headers["X-Cache"]);
            }

            timings.Sort();
            var p95 = timings[(int)(timings.Count * 0.95) - 1];
            output.WriteLine($"Redis down: {timings.Count} reads, p50 {timings[timings.Count / 2]:0.0} ms, p95 {p95:0.0} ms, max {timings[^1]:0.0} ms");
            // Speed is the benchmarks' business; what must hold is that no read waits out a Redis timeout.
            Assert.True(timings[^1] < 2000, $"a read took {timings[^1]} ms with Redis down");

            // A write while Redis is down: committed, its event queued; the writer reads its own write.
            var write = await a.PostAsync("api/pedidos", $$"""{"cliente_id":{{Cliente}},"itens":[{"produto_id":{{produto}},"quantidade":1,"preco_venda":5}]}""", "VENDEDOR");
            Assert.Equal(System.Net.HttpStatusCode.Created, write.Status);
            Assert.Equal(before + 1, ClienteDetail.TotalPedidos(await a.GetAsync(detail, "VENDEDOR")));
        }
        finally
        {
            await stack.Redis.StartAsync();
        }

        // Redis is back (empty): within moments every instance shows the write, and keeps showing it.
        var deadline = Stopwatch.StartNew();
        while (ClienteDetail.TotalPedidos(await b.GetAsync(detail, "VENDEDOR")) != before + 1)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(5), "the other instance still serves the old figures 5 s after Redis returned");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        output.WriteLine($"fresh on the other instance {deadline.Elapsed.TotalMilliseconds:0} ms after Redis returned");
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(before + 1, ClienteDetail.TotalPedidos(await b.GetAsync(detail, "VENDEDOR")));
            Assert.Equal(before + 1, ClienteDetail.TotalPedidos(await a.GetAsync(detail, "VENDEDOR")));
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task With_the_queue_down_writes_commit_and_their_events_wait_in_the_outbox_until_it_returns()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        var cliente = await seed.ClienteAsync("Bar da Fila");
        var produto = await seed.ProdutoAsync("Bohemia 600", 4m);
        await using var app = await stack.StartAppAsync(db, EventStack.NewDeployment());

        await stack.Azurite.StopAsync();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var write = await app.PostAsync("api/pedidos", $$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produto}},"quantidade":1,"preco_venda":5}]}""", "VENDEDOR");
                Assert.Equal(System.Net.HttpStatusCode.Created, write.Status);
            }

            await Task.Delay(1500, TestContext.Current.CancellationToken);
            Assert.Equal(3L, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM outbox WHERE publicado_em IS NULL"));
            Assert.True(await Sql.ScalarAsync<long>(db, "SELECT max(tentativas) FROM outbox") >= 1);
        }
        finally
        {
            await stack.Azurite.StartAsync();
        }

        var deadline = Stopwatch.StartNew();
        while (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM outbox WHERE publicado_em IS NULL") > 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "the outbox was not delivered after the queue came back");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        // Delivered in commit order, and consumed.
        var order = await Sql.RowsAsync(db, "SELECT id FROM outbox ORDER BY publicado_em, id");
        Assert.Equal(order.Select(r => (long)r[0]!).Order(), order.Select(r => (long)r[0]!));
        await EventQueue.WaitForInvalidationAsync(app, "pedido.criado", 3);
    }
}
