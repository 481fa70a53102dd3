using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sap.Functions.Caching;

namespace Sap.Integration.Tests.Cache;

/// <summary>The fill/invalidation race and stampede protection, on real Redis with the backplane.</summary>
public sealed class CacheBehaviourTests(PostgresServer postgres, EventStack stack) : IClassFixture<EventStack>
{
    [Fact]
    public async Task An_invalidation_that_lands_mid_fill_never_leaves_the_old_figures_served_50_times_in_a_row()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        var cliente = await seed.ClienteAsync("Bar da Corrida");
        var produto = await seed.ProdutoAsync("Heineken Lata", 4m);
        var probe = new ComputationProbe();
        await using var app = await stack.StartAppAsync(db, EventStack.NewDeployment(), services: s => s.AddSingleton<IReadComputationHook>(probe));
        var path = $"api/vendedor/clientes/{cliente}?limite=1";

        for (var i = 1; i <= 50; i++)
        {
            // A reader misses (the admin endpoint drops the entry) and computes the figures as they are (i − 1 pedidos),
            // then stalls before caching them …
            Assert.Equal(System.Net.HttpStatusCode.OK, (await app.PostAsync("api/cache/invalidate", $$"""{"tags":["cliente:{{cliente}}"]}""", "ADMIN")).Status);
            var hold = probe.Arm($"{cliente}|1");
            var stalled = app.GetAsync(path, "VENDEDOR");
            await hold.Computed.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

            // … a write commits and invalidates meanwhile …
            var write = await app.PostAsync("api/pedidos", $$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produto}},"quantidade":1,"preco_venda":7}]}""", "VENDEDOR");
            Assert.Equal(System.Net.HttpStatusCode.Created, write.Status);

            // … then the stalled fill completes. It answers what it read, but must not be served afterwards.
            hold.Release.SetResult();
            Assert.Equal(i - 1, Pedidos(await stalled));
            Assert.Equal(i, Pedidos(await app.GetAsync(path, "VENDEDOR")));
            Assert.Equal(i, Pedidos(await app.GetAsync(path, "VENDEDOR")));
        }
    }

    [Fact]
    public async Task Fifty_concurrent_requests_on_a_cold_key_compute_once_per_instance()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        await MigratorProcess.OkAsync(db, "demo-data", "--scale", "small", "--seed", "5");
        var deployment = EventStack.NewDeployment();
        var probeA = new ComputationProbe();
        var probeB = new ComputationProbe();
        await using var a = await stack.StartAppAsync(db, deployment, services: s => s.AddSingleton<IReadComputationHook>(probeA));
        await using var b = await stack.StartAppAsync(db, deployment, services: s => s.AddSingleton<IReadComputationHook>(probeB));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).SelectMany(_ => new[]
        {
            a.GetAsync("api/vendedor/dashboard", "VENDEDOR"),
            b.GetAsync("api/vendedor/dashboard", "VENDEDOR"),
        }));

        Assert.All(responses, r => r.Ok());
        Assert.Single(responses.Select(r => r.Body).Distinct());
        var key = $"{Seed.Today:yyyy-MM-dd}|-|-";
        Assert.True(probeA.Fills(key) <= 1 && probeB.Fills(key) <= 1, $"fills: {probeA.Fills(key)} and {probeB.Fills(key)}");
        Assert.True(probeA.Fills(key) + probeB.Fills(key) >= 1);
        Assert.True(responses.Sum(r => r.SqlCommands) <= 6, $"{responses.Sum(r => r.SqlCommands)} SQL commands for 100 requests");
    }

    [Fact]
    public async Task ETag_answers_304_until_the_data_changes()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        var cliente = await seed.ClienteAsync("Bar da Etiqueta");
        var produto = await seed.ProdutoAsync("Stella 275", 4m);
        await using var app = await stack.StartAppAsync(db, EventStack.NewDeployment());
        var path = $"api/vendedor/clientes/{cliente}";
        var first = (await app.GetAsync(path, "VENDEDOR")).Ok();
        var etag = first.Headers["ETag"];

        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.Authorization = new("Bearer", app.Tokens.For("VENDEDOR"));
        conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var notModified = await app.SendAsync(conditional);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, notModified.Status);
        Assert.Equal("", notModified.Body);

        await app.PostAsync("api/pedidos", $$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produto}},"quantidade":1,"preco_venda":7}]}""", "VENDEDOR");
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.Authorization = new("Bearer", app.Tokens.For("VENDEDOR"));
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var changed = (await app.SendAsync(again)).Ok();
        Assert.NotEqual(etag, changed.Headers["ETag"]);
        Assert.Equal("MISS", changed.Headers["X-Cache"]);
    }

    private static int Pedidos(ApiResponse response) =>
        JsonDocument.Parse(response.Ok().Body).RootElement.GetProperty("estatisticas").GetProperty("total_pedidos").GetInt32();
}
