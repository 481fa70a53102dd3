using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Queues;

namespace Sap.Integration.Tests.Hosting;

/// <summary>
/// Sap under the real Functions host (published, PostgreSQL, Redis, Azurite with blobs): its queue listener delivers
/// Sap's events and other systems', poisons what cannot be read and drops unknown types; its timer sweeps the outbox;
/// nothing is disabled at start; and a start without a setting a trigger or the API needs never serves and says why.
/// </summary>
public sealed class FunctionsHostTests(PostgresServer postgres, EventStack stack, ITestOutputHelper output) : IClassFixture<EventStack>
{
    [Fact]
    public async Task Under_the_host_events_invalidate_within_2_s_bad_ones_are_poisoned_or_dropped_and_the_timer_sweeps()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        var nosso = await seed.ClienteAsync("Bar do Host");
        var outro = await seed.ClienteAsync("Empório de Outro Sistema");
        var produto = await seed.ProdutoAsync("Original 600", 4m);
        await seed.PedidoAsync(outro, Seed.Local(TestClock.Today.AddDays(-5)), [(produto, 2, 10m, 4m)]);
        var deployment = EventStack.NewDeployment();
        var queue = $"ev-{deployment}";
        var tokens = new TestTokens();
        await using var host = await FunctionsHostProcess.StartAsync(
            db, stack.Settings(deployment, new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Information" }), tokens);
        output.WriteLine($"host up in {host.StartupTime.TotalSeconds:0.0} s");
        var admin = tokens.For("ADMIN");

        // A write: its event goes through the queue to the queue function, whose line carries the write's request id.
        var write = await Send(host, HttpMethod.Post, "api/pedidos", admin, "host-write-1",
            $$"""{"cliente_id":{{nosso}},"itens":[{"produto_id":{{produto}},"quantidade":1,"preco_venda":7.5}]}""");
        Assert.Equal(201, write);
        var answered = Stopwatch.StartNew();
        var handled = await WaitForLineAsync(host, l => Is(l, "event processed", "host-write-1") && Text(l, "event_type") == "pedido.criado", 10);
        output.WriteLine($"the write's event handled by the queue function {answered.ElapsedMilliseconds} ms after the write answered");
        Assert.True(answered.Elapsed < TimeSpan.FromSeconds(2), $"the write's event took {answered.ElapsedMilliseconds} ms: {handled}");

        // Another system's change: a pedido written behind Sap's back, then its event put on the queue. Only the queue
        // path can tell Sap; the cached detail changes within 2 s.
        var detail = $"api/vendedor/clientes/{outro}";
        Assert.Equal(1, ClienteDetail.TotalPedidos(await Get(host, detail, admin)));
        Assert.Equal("HIT", (await Get(host, detail, admin)).Headers["X-Cache"]);
        var dia = TestClock.Today.AddDays(-2);
        await seed.PedidoAsync(outro, Seed.Local(dia), [(produto, 1, 12m, 4m)]);
        await EventQueue.SendAsync(stack.Azurite.ConnectionString, queue, "pedido.criado",
            new { cliente_id = outro, mes_negocio = dia.ToString("yyyy-MM", CultureInfo.InvariantCulture) });
        var sent = Stopwatch.StartNew();
        await Eventually.HoldsAsync(async () => ClienteDetail.TotalPedidos(await Get(host, detail, admin)) == 2,
            "another system's event did not invalidate the cliente's detail", seconds: 10, pollMs: 50);
        output.WriteLine($"another system's event invalidated the read {sent.ElapsedMilliseconds} ms after it was queued");
        Assert.True(sent.Elapsed < TimeSpan.FromSeconds(2), $"another system's event took {sent.ElapsedMilliseconds} ms");

        // A message that is not an event ends in the poison queue after maxDequeueCount tries; an unknown type is dropped.
        var raw = new QueueClient(stack.Azurite.ConnectionString, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await raw.SendMessageAsync("this is not base64!", TestContext.Current.CancellationToken);
        await EventQueue.SendAsync(stack.Azurite.ConnectionString, queue, "pedido.apagado", new { pedido_id = 1 });
        await Eventually.HoldsAsync(async () => await EventQueue.CountAsync(stack.Azurite.ConnectionString, queue + "-poison") == 1,
            "the malformed message did not reach the poison queue", seconds: 60, pollMs: 250);
        await WaitForLineAsync(host, l => (Text(l, "message") ?? "").StartsWith("event dropped", StringComparison.Ordinal) && Text(l, "event_type") == "unknown", 10);
        Assert.Contains("events_processed_total{type=\"unknown\",result=\"dropped\"} 1", await Metrics(host, admin), StringComparison.Ordinal);
        await Eventually.HoldsAsync(async () => await EventQueue.CountAsync(stack.Azurite.ConnectionString, queue) == 0,
            "messages were left on the queue", seconds: 20, pollMs: 250);
        Assert.Equal(1, await EventQueue.CountAsync(stack.Azurite.ConnectionString, queue + "-poison"));

        // The outbox sweep's timer fires (every 10 s) and succeeds: its lock is a blob lease, which needs the Blob service.
        await Eventually.HoldsAsync(() => Task.FromResult(host.Output.Any(l => l.Contains("Executed 'Functions.VarrerOutbox' (Succeeded", StringComparison.Ordinal))),
            "the VarrerOutbox timer did not run", seconds: 30, pollMs: 250);

        // Nothing was disabled at start, no listener failed to start.
        Assert.DoesNotContain(host.Output, l => l.Contains("Error indexing method", StringComparison.Ordinal) || l.Contains("is in error", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Output, l => l.Contains("was unable to start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Under_the_host_a_write_and_its_event_are_one_trace_in_the_logs_and_at_the_collector()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        var cliente = await seed.ClienteAsync("Bar do Rastro no Host");
        var produto = await seed.ProdutoAsync("Colorado 600", 5m);
        await using var receiver = await OtlpReceiver.StartAsync();
        var deployment = EventStack.NewDeployment();
        var settings = stack.Settings(deployment, receiver.Settings());
        settings["Logging:LogLevel:Default"] = "Information";
        var tokens = new TestTokens();
        await using var host = await FunctionsHostProcess.StartAsync(db, settings, tokens);

        var arrived = await Observability.TraceChecks.WriteTracesAsync(
            host.Client, tokens.For("ADMIN"), () => host.AppLines, receiver, $"ev-{deployment}", cliente, produto, callerSpanIsParent: false);
        output.WriteLine($"under the host the write's spans (request, SQL, publish, queue function) had all reached the receiver {arrived.TotalMilliseconds:0} ms after the write answered");
    }

    /// <summary>A value of "" leaves the setting out.</summary>
    [Theory]
    [InlineData("Sap:Events:Queue", "")]
    [InlineData("Sap:Auth:SigningKey", "")]
    [InlineData("AzureWebJobsStorage", "")]
    [InlineData("Sap:Cache:RefreshIntervalMs", "0")]
    [InlineData("Sap:RateLimit:PermitsPerMinute", "-1")]
    [InlineData("Sap:BusinessTimeZone", "Mars/Olympus")]
    public async Task Without_a_setting_it_needs_or_with_a_bad_one_the_app_never_serves_and_the_host_log_names_the_setting(string setting, string value)
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var settings = stack.Settings(EventStack.NewDeployment());
        settings[setting] = value;
        await using var host = await FunctionsHostProcess.LaunchAsync(db, settings, new TestTokens());

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !host.Output.Any(l => l.Contains($"error: {setting}:", StringComparison.Ordinal)))
        {
            Assert.False(await host.AnswersHealthAsync(), $"the app served /api/health without {setting}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        var named = host.Output.FirstOrDefault(l => l.Contains($"error: {setting}:", StringComparison.Ordinal));
        Assert.True(named is not null, $"the host's log never named {setting}:\n{string.Join('\n', host.Output.TakeLast(30))}");
        output.WriteLine(named);
        // However long the host keeps restarting the worker, it serves nothing.
        for (var i = 0; i < 8; i++)
        {
            Assert.False(await host.AnswersHealthAsync(), $"the app served /api/health without {setting}");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Under_the_host_a_caller_over_its_budget_gets_429_with_retry_after_and_the_probes_never_do()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var tokens = new TestTokens();
        await using var host = await FunctionsHostProcess.StartAsync(
            db, stack.Settings(EventStack.NewDeployment(), new Dictionary<string, string> { ["Sap:RateLimit:PermitsPerMinute"] = "30" }), tokens);
        var token = tokens.Create(["VENDEDOR"], subject: "vendedor-no-host");
        // The budget is kept in Redis; until the worker has reached it, it counts on its own (the per-instance fallback),
        // and a burst split between the two would get twice the budget.
        await Eventually.HoldsAsync(async () => System.Text.Json.JsonDocument.Parse((await Get(host, "api/ready", token)).Body)
            .RootElement.GetProperty("cache").GetProperty("status").GetString() == "up", "the worker never reached Redis", seconds: 30, pollMs: 200);

        var answers = new List<ApiResponse>();
        for (var i = 0; i < 40; i++)
        {
            answers.Add(await Get(host, "api/vendedor/dashboard", token));
        }

        var refused = answers.Where(a => (int)a.Status == 429).ToList();
        Assert.True(refused.Count >= 10, $"{refused.Count} of 40 refused");
        Assert.All(answers, a => Assert.True((int)a.Status is 200 or 429, a.ToString()));
        Assert.All(refused, a =>
        {
            Assert.Equal("application/problem+json", a.MediaType);
            Assert.True(a.Headers.TryGetValue("Retry-After", out var seconds) && int.Parse(seconds, CultureInfo.InvariantCulture) >= 1, a.ToString());
        });
        for (var i = 0; i < 40; i++)
        {
            Assert.True(await host.AnswersHealthAsync());
        }
    }

    [Fact]
    public async Task A_queue_only_storage_account_stops_the_app_naming_the_blob_endpoint_the_timer_needs()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var settings = stack.Settings(EventStack.NewDeployment());
        settings["AzureWebJobsStorage"] = stack.Azurite.QueueOnlyConnectionString;
        await using var host = await FunctionsHostProcess.LaunchAsync(db, settings, new TestTokens());

        await Eventually.HoldsAsync(() => Task.FromResult(host.Output.Any(l => l.Contains("error: AzureWebJobsStorage: names a Queue endpoint but no BlobEndpoint", StringComparison.Ordinal))),
            "the host's log never said the timer needs a Blob endpoint", seconds: 60, pollMs: 250);
        Assert.False(await host.AnswersHealthAsync());
    }

    private static async Task<int> Send(FunctionsHostProcess host, HttpMethod method, string path, string token, string requestId, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("X-Request-ID", requestId);
        using var response = await host.Client.SendAsync(request);
        return (int)response.StatusCode;
    }

    private static async Task<ApiResponse> Get(FunctionsHostProcess host, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Client.SendAsync(request);
        return new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType,
            response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), "", 0);
    }

    private static async Task<string> Metrics(FunctionsHostProcess host, string token) => (await Get(host, "api/metrics", token)).Body;

    private static async Task<JsonElement> WaitForLineAsync(FunctionsHostProcess host, Func<JsonElement, bool> match, int seconds)
    {
        JsonElement? found = null;
        await Eventually.HoldsAsync(() =>
        {
            found = host.AppLines.Select(l => JsonDocument.Parse(l).RootElement).Where(match).Cast<JsonElement?>().FirstOrDefault();
            return Task.FromResult(found is not null);
        }, "no such log line from the app", seconds, pollMs: 50);
        return found!.Value;
    }

    private static bool Is(JsonElement line, string messageStart, string requestId) =>
        (Text(line, "message") ?? "").StartsWith(messageStart, StringComparison.Ordinal) && Text(line, "request_id") == requestId;

    private static string? Text(JsonElement line, string property) =>
        line.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
