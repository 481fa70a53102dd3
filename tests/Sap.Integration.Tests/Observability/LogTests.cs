using System.Text.Json;

namespace Sap.Integration.Tests.Observability;

/// <summary>SPEC §7 logs, read from the self-host process's stdout: JSON lines, request and event lines, no secrets.</summary>
public sealed class LogTests(PostgresServer postgres)
{
    private const string DatabasePassword = "db-Passw0rd-never-logged";

    [Fact]
    public async Task Every_line_is_json_with_request_and_event_context_and_no_secret()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        var cliente = await seed.ClienteAsync("Bar dos Logs");
        var produto = await seed.ProdutoAsync("Spaten 350", 3m);
        // Trust authentication ignores the password; it is here to prove it never reaches a log.
        var withPassword = new Sap.Domain.Data.DatabaseSettings(db.Provider, db.ConnectionString + $";Password={DatabasePassword}");
        var tokens = new TestTokens();
        await using var app = await SelfHostProcess.StartAsync(withPassword, new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Information" }, tokens);
        var admin = tokens.For("ADMIN");

        var good = await app.SendAsync(HttpMethod.Get, "api/vendedor/dashboard", null, token: admin, requestId: "req-good-1");
        var bad = await app.SendAsync(HttpMethod.Get, "api/vendedor/dashboard?data_inicio=nope", null, token: admin, requestId: "req-bad-1");
        var unauthorized = await app.SendAsync(HttpMethod.Get, "api/vendedor/dashboard", null, token: "Bearer-garbage." + admin[..20], requestId: "req-401-1");
        var write = await app.SendAsync(HttpMethod.Post, "api/pedidos", null, $$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produto}},"quantidade":1,"preco_venda":5}]}""", "req-write-1", admin);
        // A failure inside: the schema drifts under the app (a column renamed), so the query throws.
        await Sql.ExecuteAsync(db, "ALTER TABLE cliente RENAME COLUMN telefone TO telefone_antigo");
        var failing = await app.SendAsync(HttpMethod.Get, "api/vendedor/clientes?periodo=todos", null, token: admin, requestId: "req-500-1");
        Assert.Equal([200, 400, 401, 201, 500], new[] { good.Status, bad.Status, unauthorized.Status, write.Status, failing.Status });

        var lines = await WaitForAsync(app, ls => ls.Any(l => l.Contains("event processed", StringComparison.Ordinal)) && ls.Count(l => l.Contains("request completed", StringComparison.Ordinal)) >= 5);
        var parsed = lines.Select(line =>
        {
            try
            {
                return JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException e)
            {
                throw new Xunit.Sdk.XunitException($"not JSON: {line} ({e.Message})");
            }
        }).ToList();

        Assert.All(parsed, l =>
        {
            Assert.True(DateTime.TryParse(l.GetProperty("timestamp").GetString(), out _));
            Assert.EndsWith("Z", l.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(l.GetProperty("level").GetString()));
            Assert.True(l.TryGetProperty("message", out _));
            Assert.True(l.TryGetProperty("logger", out _));
        });
        var requests = parsed.Where(l => l.GetProperty("message").GetString() == "request completed").ToList();
        Assert.True(requests.All(r => r.TryGetProperty("request_id", out _)), string.Join("\n", lines.Where(l => l.Contains("request completed", StringComparison.Ordinal) && !l.Contains("request_id", StringComparison.Ordinal))));
        foreach (var (id, status, function) in new[] { ("req-good-1", 200, "Dashboard"), ("req-bad-1", 400, "Dashboard"), ("req-write-1", 201, "CriarPedido"), ("req-500-1", 500, "ClientesPorPeriodo") })
        {
            var line = Assert.Single(requests, r => r.GetProperty("request_id").GetString() == id);
            Assert.Equal(status, line.GetProperty("status_code").GetInt32());
            Assert.Equal(function, line.GetProperty("function").GetString());
            Assert.Equal(id == "req-write-1" ? "POST" : "GET", line.GetProperty("method").GetString());
            Assert.StartsWith("/api/", line.GetProperty("path").GetString(), StringComparison.Ordinal);
            Assert.True(line.GetProperty("duration_ms").GetDouble() >= 0);
        }

        // The unauthorized request's id (its header was valid) is logged too, without a user.
        Assert.Single(requests, r => r.GetProperty("request_id").GetString() == "req-401-1" && r.GetProperty("status_code").GetInt32() == 401);
        Assert.Contains(parsed, l => l.GetProperty("level").GetString() == "error" && l.GetProperty("request_id").GetString() == "req-500-1" && l.TryGetProperty("exception", out _));

        var handled = Assert.Single(parsed, l => l.GetProperty("message").GetString()!.StartsWith("event processed", StringComparison.Ordinal));
        Assert.Equal("req-write-1", handled.GetProperty("request_id").GetString());
        Assert.Equal("pedido.criado", handled.GetProperty("event_type").GetString());
        Assert.False(string.IsNullOrEmpty(handled.GetProperty("event_id").GetString()));

        var everything = string.Join('\n', lines);
        Assert.DoesNotContain(tokens.SigningKeyBase64, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(admin, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(admin[..40], everything, StringComparison.Ordinal);
        Assert.DoesNotContain(DatabasePassword, everything, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string>> WaitForAsync(SelfHostProcess app, Func<IReadOnlyList<string>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var lines = app.Stdout;
            if (done(lines) || DateTime.UtcNow > deadline)
            {
                await Task.Delay(300);
                return app.Stdout;
            }

            await Task.Delay(100);
        }
    }
}
