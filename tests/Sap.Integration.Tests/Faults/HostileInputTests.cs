using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sap.Functions.Hosting;
using Sap.Functions.Http;

namespace Sap.Integration.Tests.Faults;

/// <summary>
/// Hostile input over every route (SPEC §1: never a 500 for bad input; §6: tokens): randomized requests from a fixed
/// seed, each answered below 500, each refusal a problem+json, and no refused request leaving a trace in any table.
/// </summary>
public sealed class HostileInputTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The seed of the reference run; set SAP_FUZZ_SEED to another to explore, or to a failed run's to repeat it.</summary>
    private const int DefaultSeed = 20_250_901;

    private const int DefaultCount = 10_000;

    private SapApp app = null!;
    private Dictionary<string, long[]> ids = null!;

    public async ValueTask InitializeAsync()
    {
        // Seeded before the app starts, so that its read-model catch-up finds the model current and writes nothing.
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        ids = await SeedAsync(new Seed(db));
        // Pooled, as a deployment runs: ten thousand requests on fresh connections would mostly time PostgreSQL's fork.
        app = await SapApp.StartAsync(db with { ConnectionString = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = true }.ConnectionString });
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await using var pooled = new NpgsqlConnection(app.Database.ConnectionString);
        NpgsqlConnection.ClearPool(pooled);
    }

    [Fact]
    public async Task Ten_thousand_hostile_requests_get_no_5xx_and_the_refused_ones_change_no_data()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SAP_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var count = int.TryParse(Environment.GetEnvironmentVariable("SAP_FUZZ_COUNT"), CultureInfo.InvariantCulture, out var c) ? c : DefaultCount;
        output.WriteLine($"SAP_FUZZ_SEED={seed} SAP_FUZZ_COUNT={count}");
        var functions = app.Services.GetRequiredService<FunctionCatalog>().Http;
        var requests = new HostileRequests(seed, functions, ids, app.Tokens, app.Client.BaseAddress!.Authority);
        Assert.Empty(requests.Untemplated());
        using var client = new HostileClient(app.Client.BaseAddress!);
        await using var fingerprint = await DatabaseFingerprint.OpenAsync(app.Database);
        var tally = new Tally();
        var failures = new Failures();
        var day = Seed.Today;
        var before = await fingerprint.TakeAsync();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < count && failures.Count < 200; i++)
        {
            var request = requests.Create(i);
            var response = await client.SendAsync(request);
            tally.Add(request, response);
            if (Refusal(request, response) is { } wrong)
            {
                failures.Add($"{wrong} on {request.Kind}", $"{request.Describe()}\n  → {response}");
            }

            var after = await fingerprint.TakeAsync();
            if (Accepted(request, response))
            {
                // The write's own transaction is done; its events leave the outbox right after (publicado_em). Wait for
                // that, so the next request is compared with a database at rest.
                tally.AcceptedWrites++;
                await OutboxDrainedAsync(fingerprint);
                after = await fingerprint.TakeAsync();
            }
            else if (!after.SequenceEqual(before) && Seed.Today == day)
            {
                failures.Add($"data changed in {string.Join(", ", DatabaseFingerprint.Changed(before, after))} by a {response.Status} to {request.Kind}",
                    $"{request.Describe()}\n  → {response}");
            }

            // At business midnight the read model rolls its windows by itself: a new day is a new baseline.
            day = Seed.Today;
            before = after;
        }

        clock.Stop();
        output.WriteLine($"{tally.Requests} requests in {clock.Elapsed.TotalSeconds:0.0} s over {fingerprint.Tables.Count} tables; " +
            $"accepted writes: {tally.AcceptedWrites}; replays: {tally.Replays}; platform answers: {tally.Platform}; no answer: {tally.NoAnswer}");
        output.WriteLine(tally.Histogram());
        Assert.True(failures.Count == 0, $"SAP_FUZZ_SEED={seed}: {failures}");
    }

    public static TheoryData<string> BadTokens() => [.. TestTokens.BadKinds];

    /// <summary>The read side of each case is in ReadApi/AuthorizationTests; here, a write that a bad token must not reach.</summary>
    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_on_a_write_is_401_with_a_bearer_challenge_and_writes_nothing(string kind)
    {
        await using var fingerprint = await DatabaseFingerprint.OpenAsync(app.Database);
        var before = await fingerprint.TakeAsync();

        var response = await PostPedidoAsync(app.Tokens.BadAuthorization(kind));

        Assert.True(response.Status == HttpStatusCode.Unauthorized, $"{kind}: {response}");
        Assert.Equal("Bearer", response.Headers["WWW-Authenticate"]);
        AssertProblem(response);
        Assert.Equal(before, await fingerprint.TakeAsync());
    }

    [Fact]
    public async Task A_valid_token_without_the_role_is_403_on_a_write_and_writes_nothing()
    {
        await using var fingerprint = await DatabaseFingerprint.OpenAsync(app.Database);
        var before = await fingerprint.TakeAsync();

        foreach (var token in new[] { app.Tokens.Create(includeRoles: false), app.Tokens.Create(roles: []), app.Tokens.For("GERENTE"), app.Tokens.For("LOGISTICA") })
        {
            var response = await PostPedidoAsync("Bearer " + token);

            Assert.True(response.Status == HttpStatusCode.Forbidden, response.ToString());
            Assert.False(response.Headers.ContainsKey("WWW-Authenticate"), response.ToString());
            AssertProblem(response);
        }

        Assert.Equal(before, await fingerprint.TakeAsync());
    }

    /// <summary>
    /// Found by the fuzz: a subject longer than the audit columns, or with a NUL, was a 500 on every write. A token that
    /// names no one (no sub, or a blank one) was accepted and its writes audited as nobody's.
    /// </summary>
    [Theory]
    [InlineData("no subject")]
    [InlineData("an empty subject")]
    [InlineData("a blank subject")]
    [InlineData("201 characters")]
    [InlineData("300 characters")]
    [InlineData("a NUL")]
    public async Task A_token_whose_subject_cannot_be_recorded_is_401_and_writes_nothing(string what)
    {
        await using var fingerprint = await DatabaseFingerprint.OpenAsync(app.Database);
        var before = await fingerprint.TakeAsync();
        var subject = what switch
        {
            "a NUL" => "a\0b",
            "no subject" => null,
            "an empty subject" => "",
            "a blank subject" => "   ",
            _ => new string('s', int.Parse(what.Split(' ')[0], CultureInfo.InvariantCulture)),
        };

        var response = await PostPedidoAsync("Bearer " + app.Tokens.Create(["ADMIN"], subject: subject));

        Assert.True(response.Status == HttpStatusCode.Unauthorized, response.ToString());
        AssertProblem(response);
        Assert.Equal(before, await fingerprint.TakeAsync());
    }

    [Fact]
    public async Task A_subject_of_two_hundred_characters_is_recorded_whole()
    {
        var subject = new string('s', 200);

        var response = await app.SendJsonAsync(HttpMethod.Post, "api/clientes", """{"nome":"Bar do Assunto Longo"}""", [],
            authorization: "Bearer " + app.Tokens.Create(["VENDEDOR"], subject: subject));

        Assert.True(response.Status == HttpStatusCode.Created, response.ToString());
        Assert.Equal(subject, await Sql.ScalarAsync<string>(app.Database, "SELECT usuario FROM log_atividade ORDER BY id DESC LIMIT 1"));
    }

    /// <summary>Found by the fuzz: a chunk longer than its size line made Kestrel fail the body read, and that was a 500.</summary>
    [Theory]
    [InlineData("2\r\n{\"nome\":\"Bar Cru\"}\r\n0\r\n\r\n")]
    [InlineData("zz\r\n{}\r\n0\r\n\r\n")]
    public async Task A_body_with_broken_chunked_framing_is_a_400_problem_and_writes_nothing(string chunks)
    {
        await using var fingerprint = await DatabaseFingerprint.OpenAsync(app.Database);
        var before = await fingerprint.TakeAsync();
        using var client = new HostileClient(app.Client.BaseAddress!);
        var raw = $"POST /api/clientes HTTP/1.1\r\nHost: {app.Client.BaseAddress!.Authority}\r\nAuthorization: Bearer {app.Tokens.For("ADMIN")}\r\n" +
            $"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{chunks}";

        var response = await client.SendAsync(new HostileRequest(0, "raw", "POST", "/api/clientes", null, null, [], "ADMIN", null, Raw: Encoding.ASCII.GetBytes(raw)));

        Assert.True(response.Status == 400, response.ToString());
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(before, await fingerprint.TakeAsync());
    }

    /// <summary>Found by the fuzz (SAP_FUZZ_SEED=1): a null in the events list was a 500.</summary>
    [Theory]
    [InlineData("""{"events":[null]}""", "events[0]")]
    [InlineData("""{"tags":["vendas"],"events":[null],"all":false}""", "events[0]")]
    [InlineData("""{"tags":[null]}""", "tags[0]")]
    [InlineData("""{"events":[{"type":null}]}""", "events[0].type")]
    public async Task A_malformed_cache_invalidation_is_a_400_problem_naming_the_entry(string body, string field)
    {
        var response = await app.PostAsync("api/cache/invalidate", body, "ADMIN");

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.ToString());
        AssertProblem(response);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.ToString());
    }

    /// <summary>
    /// What is wrong with an answer, or null. Every answer is below 500; an answer of the app to a refused request is
    /// a problem+json with its request id. Kestrel answers some requests itself before any app code runs (a malformed
    /// request line or header block: 400; a request line over 8 KiB: 414; headers over 32 KiB or 100 of them: 431; an HTTP
    /// version it does not speak: 505, the one 5xx allowed, as RFC 9110 §15.6.6 asks): those answers are empty and carry
    /// no X-Request-ID, since the app never saw the request, and are counted apart.
    /// </summary>
    private static string? Refusal(HostileRequest request, HostileResponse response)
    {
        if (response.Error is not null)
        {
            // Bytes that never make a request line are dropped by Kestrel, which is all a server can do with them.
            return request.EndsEarly ? null : "no answer";
        }

        if (response.Status >= 500 && !(response.Status == 505 && IsPlatformAnswer(response)))
        {
            return $"a {response.Status}";
        }

        if (response.Headers.Keys.Any(h => h.Equals("Injected", StringComparison.OrdinalIgnoreCase) || h.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)))
        {
            return "a request header came back as a response header";
        }

        if (response.Headers.TryGetValue(RequestIds.Header, out var id) && !RequestIds.IsValid(id))
        {
            return $"an X-Request-ID outside [A-Za-z0-9._-]{{1,64}}: {HostileRequest.Shorten(id, 100)}";
        }

        if (response.Status < 400 || IsPlatformAnswer(response))
        {
            return null;
        }

        if (response.MediaType != "application/problem+json")
        {
            return $"a {response.Status} that is not application/problem+json";
        }

        if (request.Method == "HEAD")
        {
            return null;
        }

        try
        {
            var problem = JsonDocument.Parse(response.Body).RootElement;
            return problem.GetProperty("status").GetInt32() == response.Status
                && problem.GetProperty("type").GetString()!.StartsWith(Problems.TypePrefix, StringComparison.Ordinal)
                && !string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString())
                && problem.GetProperty("request_id").GetString() == id
                ? null
                : "a problem without its status, type, title or request id";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"a problem body that does not parse ({e.GetType().Name})";
        }
    }

    private static bool IsPlatformAnswer(HostileResponse response) =>
        response.Status is 400 or 414 or 431 or 505 && !response.Headers.ContainsKey(RequestIds.Header) && response.Body.Length == 0;

    private static bool Accepted(HostileRequest request, HostileResponse response) =>
        request.MayWrite && response.Status is >= 200 and < 300 && !response.Headers.ContainsKey("Idempotent-Replayed");

    private static async Task OutboxDrainedAsync(DatabaseFingerprint fingerprint)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await fingerprint.OutboxPendingAsync() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the outbox did not drain within 10 s of an accepted write");
            await Task.Delay(2);
        }
    }

    private async Task<ApiResponse> PostPedidoAsync(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/pedidos")
        {
            Content = new StringContent(
                $$"""{"cliente_id":{{ids["clientes"][0]}},"itens":[{"produto_id":{{ids["produtos"][0]}},"quantidade":1,"preco_venda":5}]}""",
                Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await app.SendAsync(request);
        Assert.Equal(0, response.SqlCommands); // refused before any work
        return response;
    }

    private static void AssertProblem(ApiResponse response)
    {
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(response.RequestId, response.Json.GetProperty("request_id").GetString());
        Assert.Equal((int)response.Status, response.Json.GetProperty("status").GetInt32());
    }

    /// <summary>A few rows of everything: clientes, produtos in stock, pedidos in each state with payments, two apurações.</summary>
    private static async Task<Dictionary<string, long[]>> SeedAsync(Seed seed)
    {
        var db = seed.Database;
        long[] clientes =
        [
            await seed.ClienteAsync("Bar do Zé", "Zé"), await seed.ClienteAsync("Mercearia Central", telefone: "1932324545"),
            await seed.ClienteAsync("Empório São João"), await seed.ClienteAsync("Adega 🍺"),
        ];
        long[] produtos =
        [
            await seed.ProdutoAsync("Brahma Lata 350", 2.50m), await seed.ProdutoAsync("Skol 600", 4.10m),
            await seed.ProdutoAsync("Guaraná 2L", 3.20m, "NAB"), await seed.ProdutoAsync("Gelo 5kg", 6m, "OUTROS"),
        ];
        foreach (var produto in produtos)
        {
            await Sql.ExecuteAsync(db, $"INSERT INTO estoque (produto_id, quantidade, conferente, data_conferencia, data_entrada, data_modificacao, status) VALUES ({produto}, 1000, 't', now(), now(), now(), 'Contagem')");
        }

        var today = Seed.Today;
        long[] pedidos =
        [
            await seed.PedidoAsync(clientes[0], Seed.Local(today.AddDays(-1)), [(produtos[0], 10, 4.5m, 2.5m), (produtos[2], 2, 8m, 3.2m)]),
            await seed.PedidoAsync(clientes[0], Seed.Local(today.AddDays(-3)), [(produtos[1], 6, 9.9m, 4.1m)], aprovados: [59.40m]),
            await seed.PedidoAsync(clientes[1], Seed.Local(today.AddDays(-12)), [(produtos[0], 24, 4m, 2.5m)], aprovados: [96m]),
            await seed.PedidoAsync(clientes[1], Seed.Local(today.AddDays(-20)), [(produtos[3], 1, 15m, 6m)], aprovados: [5m], rejeitados: [10m]),
            await seed.PedidoAsync(clientes[2], Seed.Local(today.AddDays(-40)), [(produtos[2], 3, 7m, 3.2m)], cancelado: true),
            await seed.PedidoAsync(clientes[2], Seed.Local(today.AddDays(-70)), [(produtos[0], 5, 4m, 2.5m), (produtos[1], 5, 9m, 4.1m)], aprovados: [65m]),
            await seed.PedidoAsync(clientes[3], Seed.Local(today.AddDays(-2)), [(produtos[3], 2, 12m, 6m)]),
            await seed.PedidoAsync(clientes[3], Seed.Past(today), [(produtos[1], 12, 9.5m, 4.1m)], aprovados: [50m]),
        ];
        var lastMonth = today.AddMonths(-1);
        var twoMonthsAgo = today.AddMonths(-2);
        long[] apuracoes =
        [
            await seed.ApuracaoAsync(lastMonth.Year, lastMonth.Month, 1000m, 600m, scann: 50m),
            await seed.ApuracaoAsync(twoMonthsAgo.Year, twoMonthsAgo.Month, 800m, 500m, definitivo: true),
        ];
        async Task<long[]> All(string table) => [.. (await Sql.RowsAsync(db, $"SELECT id FROM {table} ORDER BY id")).Select(r => (long)r[0]!)];
        return new Dictionary<string, long[]>(StringComparer.Ordinal)
        {
            ["clientes"] = clientes,
            ["produtos"] = produtos,
            ["pedidos"] = pedidos,
            ["apuracao"] = apuracoes,
            ["pagamentos"] = await All("pagamento"),
            ["itens"] = await All("item_pedido"),
        };
    }

    /// <summary>Counts per kind of request and status, for the report.</summary>
    private sealed class Tally
    {
        private readonly SortedDictionary<string, SortedDictionary<int, int>> byKind = new(StringComparer.Ordinal);

        public int Requests { get; private set; }

        public int AcceptedWrites { get; set; }

        public int Replays { get; private set; }

        public int Platform { get; private set; }

        public int NoAnswer { get; private set; }

        public void Add(HostileRequest request, HostileResponse response)
        {
            Requests++;
            Replays += response.Headers.ContainsKey("Idempotent-Replayed") ? 1 : 0;
            Platform += IsPlatformAnswer(response) ? 1 : 0;
            NoAnswer += response.Error is null ? 0 : 1;
            var kind = request.Kind.Split(':')[0];
            if (!byKind.TryGetValue(kind, out var statuses))
            {
                byKind[kind] = statuses = [];
            }

            statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
        }

        public string Histogram()
        {
            var statuses = byKind.Values.SelectMany(s => s.Keys).Distinct().Order().ToList();
            var text = new StringBuilder($"{"kind",-16}{string.Concat(statuses.Select(s => $"{(s == 0 ? "none" : s.ToString(CultureInfo.InvariantCulture)),7}"))}{"total",8}\n");
            foreach (var (kind, counts) in byKind.Append(new("all", Sum())))
            {
                text.Append(CultureInfo.InvariantCulture, $"{kind,-16}{string.Concat(statuses.Select(s => $"{counts.GetValueOrDefault(s),7}"))}{counts.Values.Sum(),8}\n");
            }

            return text.ToString();
        }

        private SortedDictionary<int, int> Sum() =>
            new(byKind.Values.SelectMany(s => s).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)));
    }

    /// <summary>Failures grouped by what went wrong on which kind of request, each with its first request in full.</summary>
    private sealed class Failures
    {
        private readonly Dictionary<string, (int Count, string First)> bySignature = new(StringComparer.Ordinal);

        public int Count { get; private set; }

        public void Add(string signature, string request)
        {
            Count++;
            bySignature[signature] = bySignature.TryGetValue(signature, out var seen) ? (seen.Count + 1, seen.First) : (1, request);
        }

        public override string ToString() =>
            $"{Count} failure(s) of {bySignature.Count} kind(s):\n\n" +
            string.Join("\n\n", bySignature.Select(f => $"{f.Key} (×{f.Value.Count}), first:\n  {f.Value.First}"));
    }
}
