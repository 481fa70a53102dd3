using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Npgsql;
using Sap.Functions.Events;

namespace Sap.Integration.Tests.Faults;

/// <summary>
/// The self-host killed with SIGKILL: after a write's commit but before its event left the outbox, and in the middle
/// of concurrent writes. What was committed is whole and its event is published by the restarted app; what was not
/// committed left nothing behind.
/// </summary>
public sealed class CrashTests(PostgresServer postgres, EventStack stack, ITestOutputHelper output) : IClassFixture<EventStack>
{
    [Fact]
    public async Task Killed_between_commit_and_publish_the_restarted_app_publishes_the_event_and_the_cache_follows()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        var cliente = await seed.ClienteAsync("Bar do Desligamento");
        var produto = await seed.ProdutoAsync("Original 600", 4m);
        await seed.PedidoAsync(cliente, Seed.Local(Seed.Today.AddDays(-3)), [(produto, 2, 9m, 4m)]);
        var tokens = new TestTokens();
        var deployment = EventStack.NewDeployment();
        var settings = stack.Settings(deployment);
        var detail = $"api/vendedor/clientes/{cliente}";

        // The instance that will die reaches Redis through a relay the test can cut.
        await using var relay = new TcpRelay(stack.Redis.Port);
        var doomed = await SelfHostProcess.StartAsync(db, new Dictionary<string, string>(settings) { ["ConnectionStrings:Redis"] = $"127.0.0.1:{relay.Port}" }, tokens);
        await using (doomed)
        {
            Assert.Equal(1, TotalPedidos(await doomed.SendAsync(HttpMethod.Get, detail, "VENDEDOR")));
            var (_, _, cache) = await doomed.SendAsync(HttpMethod.Get, detail, "VENDEDOR");
            Assert.Equal("HIT", cache);
            // The shared copy is written in the background; only once it is in Redis can the restart find it there.
            await Eventually.HoldsAsync(() => stack.Redis.HasKeyAsync($"{deployment}:cliente:{cliente}|"), "the detail never reached Redis", seconds: 10, pollMs: 50);

            await using var lease = new NpgsqlConnection(db.ConnectionString);
            await lease.OpenAsync(TestContext.Current.CancellationToken);
            await LockAsync(lease, "pg_advisory_lock");
            // From here the dying instance can neither publish the event nor tell Redis what changed.
            relay.Cut();
            var write = doomed.SendAsync(HttpMethod.Post, "api/pedidos", "VENDEDOR",
                $$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produto}},"quantidade":3,"preco_venda":10}]}""");
            await Eventually.HoldsAsync(async () => await Sql.ScalarAsync<long>(db, $"SELECT count(*) FROM pedido WHERE cliente_id = {cliente}") == 2,
                "the write did not commit", seconds: 15, pollMs: 50);
            await doomed.KillAsync();
            _ = write.ContinueWith(t => t.Exception, TaskScheduler.Default);

            Assert.Equal(1L, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM outbox WHERE publicado_em IS NULL AND tipo = 'pedido.criado'"));

            // Restarted, still unable to publish: Redis holds the answer from before the write, as every instance
            // would serve it if the event were lost.
            await using var restarted = await SelfHostProcess.StartAsync(db, settings, tokens);
            var (_, stale, staleCache) = await restarted.SendAsync(HttpMethod.Get, detail, "VENDEDOR");
            Assert.Equal(("HIT", 1), (staleCache, ClienteDetail.TotalPedidos(stale)));

            // The lease is free again: the restarted app's sweep publishes the event, its queue function invalidates.
            await LockAsync(lease, "pg_advisory_unlock");
            var clock = Stopwatch.StartNew();
            await Eventually.HoldsAsync(async () => TotalPedidos(await restarted.SendAsync(HttpMethod.Get, detail, "VENDEDOR")) == 2,
                "the restarted app still serves the answer from before the write", seconds: 15, pollMs: 50);
            output.WriteLine($"fresh {clock.ElapsedMilliseconds} ms after the publisher could run again");
            Assert.Equal(0L, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM outbox WHERE publicado_em IS NULL"));
        }
    }

    [Fact]
    public async Task Killed_during_concurrent_writes_every_pedido_is_whole_and_nothing_else_was_written()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        var clientes = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            clientes.Add(await seed.ClienteAsync($"Mercearia {i}"));
        }

        var produtos = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            produtos.Add(await seed.ProdutoAsync($"Produto {i}", 2m + i));
        }

        var tokens = new TestTokens();
        var settings = stack.Settings(EventStack.NewDeployment());
        var random = new Random(7);
        var attempts = 0;
        var answered = 0;
        var created = new List<long>();
        for (var round = 0; round < 3; round++)
        {
            var app = await SelfHostProcess.StartAsync(db, settings, tokens);
            await using (app)
            {
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 12).Select(w => Task.Run(async () =>
                {
                    var local = new Random(round * 100 + w);
                    var ids = new List<long>();
                    while (!stop.IsCancellationRequested)
                    {
                        var itens = string.Join(',', Enumerable.Range(0, 1 + local.Next(5)).Select(_ =>
                            $$"""{"produto_id":{{produtos[local.Next(produtos.Count)]}},"quantidade":{{1 + local.Next(9)}},"preco_venda":{{local.Next(300, 2000) / 100m}}}"""));
                        Interlocked.Increment(ref attempts);
                        try
                        {
                            var (status, body, _) = await app.SendAsync(HttpMethod.Post, "api/pedidos", "VENDEDOR",
                                $$"""{"cliente_id":{{clientes[local.Next(clientes.Count)]}},"itens":[{{itens}}]}""");
                            if (status == (int)HttpStatusCode.Created)
                            {
                                ids.Add(JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64());
                                Interlocked.Increment(ref answered);
                            }
                        }
                        catch (HttpRequestException)
                        {
                            // The process died under this request.
                            break;
                        }
                    }

                    return ids;
                })).ToList();
                // Killed while the writes flow: once this round has had a few answers (a cold process is slow to start),
                // at a random moment after.
                var before = Volatile.Read(ref answered);
                await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref answered) >= before + 5), "no writes got through", seconds: 60, pollMs: 50);
                await Task.Delay(random.Next(800), TestContext.Current.CancellationToken);
                await app.KillAsync();
                await stop.CancelAsync();
                foreach (var writer in writers)
                {
                    created.AddRange(await writer);
                }
            }
        }

        var pedidos = await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM pedido");
        output.WriteLine($"{attempts} writes sent over 3 kills, {created.Count} answered 201, {pedidos} pedidos committed");
        Assert.True(created.Count > 10, "too few writes got through to make the test meaningful");
        // Every answered write is there; a write cut off by the kill is there whole or not at all.
        var committed = (await Sql.RowsAsync(db, "SELECT id FROM pedido")).Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Superset(created.ToHashSet(), committed);
        var broken = await Sql.RowsAsync(db, """
            SELECT p.id, p.valor_total, p.custo_total, count(i.id), coalesce(sum(i.valor_total_venda), 0), coalesce(sum(i.valor_total_compra), 0),
                   (SELECT count(*) FROM log_atividade a WHERE a.tipo_atividade = 'pedido.criado' AND a.entidade_id = p.id),
                   (SELECT count(*) FROM outbox o WHERE o.tipo = 'pedido.criado' AND (o.payload::jsonb -> 'data' ->> 'pedido_id')::bigint = p.id)
            FROM pedido p LEFT JOIN item_pedido i ON i.pedido_id = p.id
            GROUP BY p.id, p.valor_total, p.custo_total
            HAVING count(i.id) = 0 OR p.valor_total <> coalesce(sum(i.valor_total_venda), 0) OR p.custo_total <> coalesce(sum(i.valor_total_compra), 0)
                OR (SELECT count(*) FROM log_atividade a WHERE a.tipo_atividade = 'pedido.criado' AND a.entidade_id = p.id) <> 1
                OR (SELECT count(*) FROM outbox o WHERE o.tipo = 'pedido.criado' AND (o.payload::jsonb -> 'data' ->> 'pedido_id')::bigint = p.id) <> 1
            """);
        Assert.True(broken.Count == 0, "half-written pedidos: " + string.Join("; ", broken.Select(r => string.Join('|', r))));
        Assert.Equal(pedidos, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM log_atividade"));
        Assert.Equal(pedidos, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM outbox"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM item_pedido i WHERE NOT EXISTS (SELECT 1 FROM pedido p WHERE p.id = i.pedido_id)"));
        // The aggregates kept in the write transactions equal a rebuild from the committed pedidos.
        var maintained = await ReadModelDump.RowsAsync(db);
        await ReadModelDump.RebuildAsync(db, Seed.Today);
        ReadModelDump.Same(await ReadModelDump.RowsAsync(db), maintained);
    }

    private static int TotalPedidos((int Status, string Body, string? Cache) response)
    {
        Assert.True(response.Status == 200, response.Body);
        return ClienteDetail.TotalPedidos(response.Body);
    }

    /// <summary>Takes or frees the outbox publisher's advisory lock: while the test holds it, no instance can publish.</summary>
    private static async Task LockAsync(NpgsqlConnection connection, string function)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(@key)", connection);
        command.Parameters.AddWithValue("key", PublisherLease.Key);
        await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
