using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Sap.Integration.Tests.Faults;

/// <summary>
/// Hostile input over every route (SPEC §1: never a 500 for bad input; §6: tokens): randomized requests from a fixed
/// seed, each answered below 500, each refusal a problem+json, and no refused request leaving a trace in any table.
/// </summary>
public sealed class HostileInputTests(PostgresServer postgres) : IAsyncLifetime
{
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

    /// <summary>Found by the fuzz: a subject longer than the audit columns, or with a NUL, was a 500 on every write.</summary>
    [Theory]
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
            await seed.PedidoAsync(clientes[3], Seed.Local(today), [(produtos[1], 12, 9.5m, 4.1m)], aprovados: [50m]),
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
}
