using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sap.Domain.Data;

namespace Sap.Integration.Tests.Faults;

/// <summary>PostgreSQL restarted under a steady load of reads and writes: 503s while it is away, then everything back.</summary>
public sealed class PostgresOutageTests(EventStack stack, ITestOutputHelper output) : IClassFixture<EventStack>
{
    private sealed record Outcome(TimeSpan At, string Kind, int Status, string? RetryAfter, string? ContentType, string? Key, long? PedidoId);

    [Fact]
    public async Task Restarted_under_load_it_answers_503_with_retry_after_meanwhile_recovers_within_5_s_and_loses_no_committed_write()
    {
        await using var server = PostgresServer.OwnServer();
        await server.InitializeAsync();
        var db = new DatabaseSettings(DatabaseProvider.Postgres, await server.CreateMigratedDatabaseAsync());
        var seed = new Seed(db);
        var clientes = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            clientes.Add(await seed.ClienteAsync($"Distribuidora {i}"));
        }

        var produto = await seed.ProdutoAsync("Skol 350", 2m);
        var tokens = new TestTokens();
        // Every read goes to the database, so that every request depends on it.
        await using var app = await SelfHostProcess.StartAsync(db, stack.Settings(EventStack.NewDeployment(), new Dictionary<string, string> { ["Sap:Cache:Enabled"] = "false" }), tokens);
        var token = tokens.For("ADMIN");
        var outcomes = new ConcurrentQueue<Outcome>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (!stop.IsCancellationRequested)
            {
                var cliente = clientes[random.Next(clientes.Count)];
                var write = random.Next(10) < 3;
                var key = write ? Guid.NewGuid().ToString() : null;
                using var request = write
                    ? Pedido(cliente, produto, key!)
                    : new HttpRequestMessage(HttpMethod.Get, random.Next(2) == 0 ? "api/vendedor/dashboard" : $"api/vendedor/clientes/{cliente}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await app.Client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                long? id = response.StatusCode == System.Net.HttpStatusCode.Created ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64() : null;
                outcomes.Enqueue(new Outcome(clock.Elapsed, write ? "write" : "read", (int)response.StatusCode,
                    response.Headers.RetryAfter?.ToString(), response.Content.Headers.ContentType?.MediaType, key, id));
            }
        })).ToList();

        await Task.Delay(1500, TestContext.Current.CancellationToken);
        await server.StopAsync();
        var down = clock.Elapsed;
        await Task.Delay(3000, TestContext.Current.CancellationToken);
        await server.StartAsync();
        var up = clock.Elapsed;
        await Task.Delay(8000, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var all = outcomes.ToList();
        var failed = all.Where(o => o.Status is not (200 or 201)).ToList();
        var lastFailure = failed.Count == 0 ? TimeSpan.Zero : failed.Max(o => o.At);
        output.WriteLine($"{all.Count} requests; down at {down.TotalSeconds:0.00} s, up at {up.TotalSeconds:0.00} s; " +
            $"{failed.Count} not 2xx ({string.Join(", ", failed.GroupBy(o => o.Status).Select(g => $"{g.Key}: {g.Count()}"))}); " +
            $"last failure {(lastFailure - up).TotalMilliseconds:0} ms after the server was back; {all.Count(o => o.At > up && o.Status is 200 or 201)} successes after");

        Assert.False(app.HasExited);
        Assert.NotEmpty(failed);
        Assert.All(failed, o =>
        {
            Assert.Equal(503, o.Status);
            Assert.Equal("application/problem+json", o.ContentType);
            Assert.False(string.IsNullOrEmpty(o.RetryAfter), "503 without Retry-After");
        });
        Assert.True(lastFailure - up < TimeSpan.FromSeconds(5), $"still failing {(lastFailure - up).TotalSeconds:0.0} s after PostgreSQL was back");
        Assert.True(all.Count(o => o.At > up + TimeSpan.FromSeconds(5)) > 50, "too little traffic after recovery to tell");

        // Nothing committed was lost, nothing was written twice: every 201 is there, and a write that got a 503 is
        // retried with its Idempotency-Key, as a client would; then each key stands for exactly one pedido.
        var writes = all.Where(o => o.Kind == "write").ToList();
        var created = writes.Where(o => o.PedidoId is not null).Select(o => o.PedidoId!.Value).ToList();
        var stored = (await Sql.RowsAsync(db, "SELECT id FROM pedido")).Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Superset(created.ToHashSet(), stored);
        var retried = 0;
        foreach (var lost in writes.Where(o => o.Status == 503))
        {
            using var request = Pedido(clientes[0], produto, lost.Key!);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
            retried++;
        }

        Assert.Equal((long)writes.Count, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM pedido"));
        Assert.Equal((long)writes.Count, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM outbox WHERE tipo = 'pedido.criado'"));
        output.WriteLine($"{writes.Count} writes, {created.Count} answered 201 at once, {retried} retried after a 503");
        using var ready = await app.Client.GetAsync("api/ready", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    private static HttpRequestMessage Pedido(long cliente, long produto, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/pedidos")
        {
            Content = new StringContent($$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produto}},"quantidade":2,"preco_venda":7.5}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
