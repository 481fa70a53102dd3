using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Sap.Domain.Data;
using Sap.Functions.Caching;

namespace Sap.Integration.Tests.Cache;

/// <summary>
/// SPEC §5 on real PostgreSQL, Redis and Azurite: for every event type, put on the queue as another system would
/// after changing the data, the cached reads the event can change are recomputed with the new figures, and the
/// reads it cannot change stay cached as they were.
/// </summary>
public sealed class InvalidationMatrixTests(PostgresServer postgres, EventStack stack) : IClassFixture<EventStack>
{
    private static readonly DateOnly M = new DateOnly(Seed.Today.Year, Seed.Today.Month, 1).AddMonths(-1);
    private static readonly DateOnly M1 = M.AddMonths(-1);
    private static readonly DateOnly M2 = M.AddMonths(-2);

    private static readonly string[] Reads =
    [
        "dashboard", "rankings_M", "rankings_M1", "cliente_A", "produtos_A", "cliente_B", "clientes", "busca", "apuracao_M", "apuracao_M1",
        "apuracao_M2",
    ];

    public static TheoryData<string, string[]> Matrix() => new()
    {
        { "pedido.criado", ["dashboard", "rankings_M", "cliente_A", "produtos_A", "clientes", "busca", "apuracao_M"] },
        { "pedido.atualizado", ["dashboard", "rankings_M", "cliente_A", "produtos_A", "clientes", "busca", "apuracao_M"] },
        { "pedido.cancelado", ["dashboard", "rankings_M", "cliente_A", "produtos_A", "clientes", "busca", "apuracao_M"] },
        { "pagamento.aprovado", ["cliente_A", "produtos_A", "apuracao_M"] },
        { "pagamento.rejeitado", ["cliente_A", "produtos_A", "apuracao_M"] },
        { "coleta.concluida", ["cliente_A", "produtos_A"] },
        { "apuracao.criada", ["apuracao_M2"] },
        { "apuracao.atualizada", ["apuracao_M"] },
        { "apuracao.excluida", ["apuracao_M"] },
        { "produto.criado", [] },
        { "produto.atualizado", ["dashboard", "cliente_A", "produtos_A", "cliente_B"] },
        { "cliente.criado", ["dashboard", "busca"] },
        { "cliente.atualizado", ["dashboard", "rankings_M", "rankings_M1", "cliente_B", "clientes", "busca"] },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_event_invalidates_exactly_the_reads_it_can_change(string eventType, string[] changed)
    {
        var deployment = EventStack.NewDeployment();
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var world = await World.SeedAsync(new Seed(db));
        var probe = new ComputationProbe();
        await using var app = await stack.StartAppAsync(db, deployment, services: s => s.AddSingleton<IReadComputationHook>(probe));
        // The same database read without a cache: what a fresh computation gives.
        await using var fresh = await SapApp.StartAsync(db, new Dictionary<string, string> { ["Sap:Cache:Enabled"] = "false" });
        var paths = world.Paths();
        var before = new Dictionary<string, string>();

        foreach (var read in Reads)
        {
            await app.GetAsync(paths[read], "ADMIN");
            var cached = await app.GetAsync(paths[read], "ADMIN");
            Assert.Equal("HIT", cached.Headers["X-Cache"]);
            before[read] = cached.Body;
        }

        var fills = probe.Total;
        var data = await world.ChangeAsync(eventType, db);
        await EventQueue.SendAsync(stack.Azurite.ConnectionString, $"ev-{deployment}", eventType, data);
        await EventQueue.WaitForInvalidationAsync(app, eventType);

        // The reads the event can change were recomputed (these were read lately, so at once, not by their next
        // reader) and give what a fresh computation gives; the others were left alone.
        Assert.Equal(changed.Length, probe.Total - fills);
        foreach (var read in Reads)
        {
            var response = (await app.GetAsync(paths[read], "ADMIN")).Ok();
            Assert.True(response.Headers["X-Cache"] == "HIT", $"{eventType}: {read} should be cached");
            if (changed.Contains(read))
            {
                JsonAssert.Equal(System.Text.Json.Nodes.JsonNode.Parse((await fresh.GetAsync(paths[read], "ADMIN")).Ok().Body), response.Body);
            }
            else
            {
                Assert.True(before[read] == response.Body, $"{eventType}: {read} should not have changed");
            }
        }

        Assert.Equal(changed.Length, probe.Total - fills);
    }

    [Fact]
    public async Task Unknown_types_are_counted_and_dropped_and_malformed_messages_end_in_the_poison_queue_while_others_flow()
    {
        var deployment = EventStack.NewDeployment();
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var world = await World.SeedAsync(new Seed(db));
        var probe = new ComputationProbe();
        await using var app = await stack.StartAppAsync(db, deployment, services: s => s.AddSingleton<IReadComputationHook>(probe));
        var queue = $"ev-{deployment}";
        var path = world.Paths()["cliente_A"];
        await app.GetAsync(path, "ADMIN");

        var raw = Raw(stack.Azurite.ConnectionString, queue);
        await raw.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await raw.SendMessageAsync("this is not base64!", TestContext.Current.CancellationToken);
        await raw.SendMessageAsync(Convert.ToBase64String("{\"not\":\"an event\"}"u8.ToArray()), TestContext.Current.CancellationToken);
        await EventQueue.SendAsync(stack.Azurite.ConnectionString, queue, "pedido.apagado", new { pedido_id = 1 });
        await EventQueue.SendAsync(stack.Azurite.ConnectionString, queue, "pagamento.aprovado", new { cliente_id = world.A, mes_negocio = M.ToString("yyyy-MM", CultureInfo.InvariantCulture) });

        await EventQueue.WaitForInvalidationAsync(app, "pagamento.aprovado");
        Assert.Equal(2, probe.Fills($"{world.A}|50"));
        await EventQueue.WaitForInvalidationAsync(app, "unknown");

        var poison = Raw(stack.Azurite.ConnectionString, queue + "-poison");
        var deadline = DateTime.UtcNow.AddSeconds(40);
        var poisoned = new List<string>();
        while (poisoned.Count < 2 && DateTime.UtcNow < deadline)
        {
            if (await poison.ExistsAsync(TestContext.Current.CancellationToken))
            {
                var messages = await poison.PeekMessagesAsync(10, TestContext.Current.CancellationToken);
                poisoned = [.. messages.Value.Select(m => m.MessageText)];
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Equal(2, poisoned.Count);
        Assert.Contains("this is not base64!", poisoned);
        var properties = await raw.GetPropertiesAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, properties.Value.ApproximateMessagesCount);
    }

    private static QueueClient Raw(string connection, string queue) =>
        new(connection, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    /// <summary>Two clientes (A buys in M and M−1, B in M−1), produtos, and apurações for M and M−1.</summary>
    private sealed record World(Seed Seed, long A, long B, long Produto, long PedidoA, long PagamentoA)
    {
        public static async Task<World> SeedAsync(Seed seed)
        {
            var a = await seed.ClienteAsync("Bar do Zé", fantasia: "ZÉ BAR");
            var b = await seed.ClienteAsync("Mercearia Boa Vista");
            var produto = await seed.ProdutoAsync("Brahma Lata", 2m);
            var outro = await seed.ProdutoAsync("Skol Lata", 2m);
            var pedidoA = await seed.PedidoAsync(a, Seed.Local(M.AddDays(9)), [(produto, 10, 3m, 2m), (outro, 5, 4m, 2m)], aprovados: [10m]);
            await seed.PedidoAsync(a, Seed.Local(M1.AddDays(9)), [(produto, 1, 3m, 2m)], aprovados: [3m]);
            await seed.PedidoAsync(b, Seed.Local(M1.AddDays(3)), [(outro, 7, 4m, 2m)], aprovados: [28m]);
            await seed.ApuracaoAsync(M.Year, M.Month, 50m, 30m);
            await seed.ApuracaoAsync(M1.Year, M1.Month, 40m, 20m);
            var pagamento = (long)(await Sql.RowsAsync(seed.Database, $"SELECT id FROM pagamento WHERE pedido_id = {pedidoA}"))[0][0]!;
            return new World(seed, a, b, produto, pedidoA, pagamento);
        }

        public Dictionary<string, string> Paths() => new()
        {
            ["dashboard"] = "api/vendedor/dashboard",
            ["rankings_M"] = $"api/vendedor/rankings?data_inicio={M:yyyy-MM-dd}&data_fim={M.AddMonths(1).AddDays(-1):yyyy-MM-dd}",
            ["rankings_M1"] = $"api/vendedor/rankings?data_inicio={M1:yyyy-MM-dd}&data_fim={M1.AddMonths(1).AddDays(-1):yyyy-MM-dd}",
            ["cliente_A"] = $"api/vendedor/clientes/{A}",
            ["produtos_A"] = $"api/vendedor/clientes/{A}/produtos",
            ["cliente_B"] = $"api/vendedor/clientes/{B}",
            ["clientes"] = "api/vendedor/clientes",
            ["busca"] = "api/vendedor/clientes/busca?q=bar",
            ["apuracao_M"] = $"api/apuracao?mes={M.Month}&ano={M.Year}",
            ["apuracao_M1"] = $"api/apuracao?mes={M1.Month}&ano={M1.Year}",
            ["apuracao_M2"] = $"api/apuracao?mes={M2.Month}&ano={M2.Year}",
        };

        /// <summary>
        /// Changes the data as the event says (plain SQL, like a manual fix would) and returns the event's data. Such
        /// changes bypass Sap's writes, so the sales read model is rebuilt after them, as an operator would.
        /// </summary>
        public async Task<object> ChangeAsync(string type, DatabaseSettings db)
        {
            var data = await ChangeRowsAsync(type, db);
            await Seed.RefreshReadModelAsync();
            return data;
        }

        private async Task<object> ChangeRowsAsync(string type, DatabaseSettings db)
        {
            var mes = M.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            switch (type)
            {
                case "pedido.criado":
                    var novo = await Seed.PedidoAsync(A, Seed.Local(M.AddDays(12)), [(Produto, 100, 3m, 2m)]);
                    return new { pedido_id = novo, cliente_id = A, mes_negocio = mes };
                case "pedido.atualizado":
                    await Sql.ExecuteAsync(db, $"UPDATE item_pedido SET quantidade = 20, valor_total_venda = 60, valor_total_compra = 40, lucro_bruto = 20 WHERE pedido_id = {PedidoA} AND produto_id = {Produto}; UPDATE pedido SET valor_total = 80, custo_total = 50 WHERE id = {PedidoA}");
                    return new { pedido_id = PedidoA, cliente_id = A, mes_negocio = mes };
                case "pedido.cancelado":
                    await Sql.ExecuteAsync(db, $"DELETE FROM pagamento WHERE pedido_id = {PedidoA}; UPDATE pedido SET status = 'Cancelado', valor_pago = 0 WHERE id = {PedidoA}");
                    return new { pedido_id = PedidoA, cliente_id = A, mes_negocio = mes };
                case "pagamento.aprovado":
                    await Sql.ExecuteAsync(db, $"INSERT INTO pagamento (pedido_id, valor, data_pagamento, metodo_pagamento, status) VALUES ({PedidoA}, 40, now(), 'Pix', 'aprovado'); UPDATE pedido SET valor_pago = 50, status = 'Pagamento Aprovado' WHERE id = {PedidoA}");
                    return new { pedido_id = PedidoA, cliente_id = A, mes_negocio = mes };
                case "pagamento.rejeitado":
                    await Sql.ExecuteAsync(db, $"UPDATE pagamento SET status = 'rejeitado' WHERE id = {PagamentoA}; UPDATE pedido SET valor_pago = 0 WHERE id = {PedidoA}");
                    return new { pagamento_id = PagamentoA, pedido_id = PedidoA, cliente_id = A, mes_negocio = mes };
                case "coleta.concluida":
                    await Sql.ExecuteAsync(db, $"UPDATE pedido SET status = 'Coleta Concluída' WHERE id = {PedidoA}");
                    return new { pedido_id = PedidoA, cliente_id = A, mes_negocio = mes };
                case "apuracao.criada":
                    var criada = await Seed.ApuracaoAsync(M2.Year, M2.Month, 10m, 5m);
                    return new { apuracao_id = criada, ano = M2.Year, mes = M2.Month, anos_alterados = false };
                case "apuracao.atualizada":
                    await Sql.ExecuteAsync(db, $"UPDATE apuracao SET verba_scann = 123.45 WHERE ano = {M.Year} AND mes = {M.Month}");
                    return new { ano = M.Year, mes = M.Month };
                case "apuracao.excluida":
                    await Sql.ExecuteAsync(db, $"DELETE FROM apuracao WHERE ano = {M.Year} AND mes = {M.Month}");
                    return new { ano = M.Year, mes = M.Month, anos_alterados = M.Year != M1.Year };
                case "produto.criado":
                    return new { produto_id = await Seed.ProdutoAsync("Produto Novo", 1m) };
                case "produto.atualizado":
                    await Sql.ExecuteAsync(db, $"UPDATE produto SET nome = 'Brahma Lata Nova', nome_chave = 'brahma lata nova' WHERE id = {Produto}");
                    return new { produto_id = Produto };
                case "cliente.criado":
                    return new { cliente_id = await Seed.ClienteAsync("Bar Recém Chegado") };
                case "cliente.atualizado":
                    await Sql.ExecuteAsync(db, $"UPDATE cliente SET nome = 'Bar Boa Vista Renovado', nome_chave = 'bar boa vista renovado' WHERE id = {B}");
                    return new { cliente_id = B };
                default:
                    throw new ArgumentOutOfRangeException(nameof(type));
            }
        }
    }
}
