using System.Diagnostics;
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
        for (var i = 1; i <= 50; i++)
        {
            // A reader misses (a key not read before) and computes the figures as they are (i − 1 pedidos),
            // then stalls before caching them …
            var path = $"api/vendedor/clientes/{cliente}?limite={i}";
            var hold = probe.Arm($"{cliente}|{i}");
            var stalled = app.GetAsync(path, "VENDEDOR");
            await hold.Computed.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

            // … a write commits and invalidates meanwhile …
            var write = await app.PostAsync("api/pedidos", $$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produto}},"quantidade":1,"preco_venda":7}]}""", "VENDEDOR");
            Assert.Equal(System.Net.HttpStatusCode.Created, write.Status);

            // … then the stalled fill completes. It answers what it read, but must not be served afterwards.
            hold.Release.SetResult();
            Assert.Equal(i - 1, ClienteDetail.TotalPedidos(await stalled));
            var after = await app.GetAsync(path, "VENDEDOR");
            Assert.True(i == ClienteDetail.TotalPedidos(after), $"iteration {i}: {after.Headers["X-Cache"]} with {ClienteDetail.TotalPedidos(after)} pedidos");
            Assert.Equal(i, ClienteDetail.TotalPedidos(await app.GetAsync(path, "VENDEDOR")));
        }
    }

    [Fact]
    public async Task Fifty_concurrent_requests_on_a_cold_key_compute_once_per_instance()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        await MigratorProcess.DemoDataAsync(db, 5);
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
        // The write refreshed the writer's cliente reads before answering: the new figures are already cached.
        Assert.Equal("HIT", changed.Headers["X-Cache"]);
        Assert.Equal(1, JsonDocument.Parse(changed.Body).RootElement.GetProperty("estatisticas").GetProperty("total_pedidos").GetInt32());
    }

    [Fact]
    public async Task While_a_changed_read_is_recomputed_its_previous_answer_is_served_without_waiting()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        var cliente = await seed.ClienteAsync("Bar do Intervalo");
        var produto = await seed.ProdutoAsync("Original 600", 5m);
        var probe = new ComputationProbe();
        await using var app = await stack.StartAppAsync(db, EventStack.NewDeployment(), services: s => s.AddSingleton<IReadComputationHook>(probe));
        await using var fresh = await SapApp.StartAsync(db, new Dictionary<string, string> { ["Sap:Cache:Enabled"] = "false" });
        var before = (await app.GetAsync("api/vendedor/dashboard", "VENDEDOR")).Ok().Body;

        // The write's refresh of the dashboard computes the new figures, then stalls before caching them …
        var hold = probe.Arm($"{Seed.Today:yyyy-MM-dd}|-|-");
        var write = await app.PostAsync("api/pedidos", $$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produto}},"quantidade":2,"preco_venda":9}]}""", "VENDEDOR");
        Assert.Equal(System.Net.HttpStatusCode.Created, write.Status);
        await hold.Computed.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // … meanwhile readers get the previous answer at once, from the cache, and run nothing themselves.
        var clock = Stopwatch.StartNew();
        var meanwhile = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.GetAsync("api/vendedor/dashboard", "VENDEDOR")));
        Assert.All(meanwhile, r => Assert.Equal("HIT", r.Ok().Headers["X-Cache"]));
        Assert.All(meanwhile, r => Assert.Equal(before, r.Body));
        Assert.Equal(0, meanwhile.Sum(r => r.SqlCommands));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));

        hold.Release.SetResult();
        var expected = (await fresh.GetAsync("api/vendedor/dashboard", "VENDEDOR")).Ok().Body;
        await Eventually.HoldsAsync(async () => (await app.GetAsync("api/vendedor/dashboard", "VENDEDOR")).Body == expected, "the dashboard not fresh");
        Assert.NotEqual(before, expected);
    }

    [Fact]
    public async Task A_burst_of_writes_costs_a_few_recomputations_of_the_dashboard_not_one_each()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        var produto = await seed.ProdutoAsync("Amstel Lata", 3m);
        var clientes = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            clientes.Add(await seed.ClienteAsync($"Bar da Rajada {i}"));
        }

        var probe = new ComputationProbe();
        await using var app = await stack.StartAppAsync(db, EventStack.NewDeployment(), services: s => s.AddSingleton<IReadComputationHook>(probe));
        await using var fresh = await SapApp.StartAsync(db, new Dictionary<string, string> { ["Sap:Cache:Enabled"] = "false" });
        var key = $"{Seed.Today:yyyy-MM-dd}|-|-";
        (await app.GetAsync("api/vendedor/dashboard", "VENDEDOR")).Ok();
        Assert.Equal(1, probe.Fills(key));

        var burst = Stopwatch.StartNew();
        var writes = await Task.WhenAll(clientes.Select(c =>
            app.PostAsync("api/pedidos", $$"""{"cliente_id":{{c}},"itens":[{"produto_id":{{produto}},"quantidade":1,"preco_venda":4}]}""", "VENDEDOR")));
        Assert.All(writes, w => Assert.Equal(System.Net.HttpStatusCode.Created, w.Status));

        var expected = (await fresh.GetAsync("api/vendedor/dashboard", "VENDEDOR")).Ok().Body;
        await Eventually.HoldsAsync(async () => (await app.GetAsync("api/vendedor/dashboard", "VENDEDOR")).Body == expected, "the dashboard not fresh");
        // Shared reads are recomputed in rounds at most every RefreshIntervalMs (100): at most one recomputation per
        // round the burst lasted (plus the round under way at each end), however many writes landed in each.
        var rounds = (int)(burst.Elapsed.TotalMilliseconds / 100) + 2;
        var recomputations = probe.Fills(key) - 1;
        Assert.InRange(recomputations, 1, Math.Min(rounds, clientes.Count / 2));
    }

    [Fact]
    public async Task Large_cached_reads_go_out_gzip_compressed_to_clients_that_accept_it_and_plain_to_others()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        await MigratorProcess.DemoDataAsync(db, 5);
        await using var app = await stack.StartAppAsync(db, EventStack.NewDeployment());
        const string Path = "api/vendedor/clientes";
        var plain = (await app.GetAsync(Path, "VENDEDOR")).Ok();
        Assert.True(plain.Body.Length > CachedResponse.CompressFrom);

        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Authorization = new("Bearer", app.Tokens.For("VENDEDOR"));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var compressed = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.True(compressed.Length * 4 < plain.Body.Length, $"{compressed.Length} compressed bytes of {plain.Body.Length}");
        using var unzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(unzip);
        Assert.Equal(plain.Body, await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
        var gzipTag = response.Headers.ETag!.Tag;
        Assert.NotEqual(plain.Headers["ETag"], gzipTag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, Path);
        conditional.Headers.Authorization = new("Bearer", app.Tokens.For("VENDEDOR"));
        conditional.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", gzipTag);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, (await app.SendAsync(conditional)).Status);

        using var refused = new HttpRequestMessage(HttpMethod.Get, Path);
        refused.Headers.Authorization = new("Bearer", app.Tokens.For("VENDEDOR"));
        refused.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip;q=0, identity");
        Assert.Equal(plain.Body, (await app.SendAsync(refused)).Ok().Body);
    }
}
