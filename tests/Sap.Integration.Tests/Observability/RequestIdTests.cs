using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sap.Integration.Tests.Observability;

/// <summary>SPEC §7: X-Request-ID echoed when it matches ^[A-Za-z0-9._-]{1,64}$, replaced otherwise, on every response.</summary>
public sealed class RequestIdTests(PostgresServer postgres) : IAsyncLifetime
{
    private SapApp app = null!;

    public async ValueTask InitializeAsync() => app = await SapApp.StartAsync(await TestDatabases.MigratedPostgresAsync(postgres));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("abc")]
    [InlineData("A.b_c-9")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")] // 64
    public async Task A_valid_incoming_id_is_echoed(string id) => Assert.Equal(id, await IdFor(id));

    [Theory]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")] // 65
    [InlineData("abc def")]
    [InlineData("abc/def")]
    [InlineData("abc%0Adef")]
    [InlineData("a+b")]
    [InlineData("a:b")]
    [InlineData("a\tb")]
    public async Task An_invalid_incoming_id_is_replaced(string id)
    {
        var echoed = await IdFor(id);

        Assert.NotEqual(id, echoed);
        Assert.Matches("^[A-Za-z0-9._-]{1,64}$", echoed);
    }

    [Fact]
    public async Task A_header_with_a_raw_newline_never_reaches_a_response_header()
    {
        // Sent on the wire by hand: clients refuse to. Kestrel rejects the request or the app replaces the id;
        // either way no response carries the injected line.
        using var client = new TcpClient();
        await client.ConnectAsync(app.Client.BaseAddress!.Host, app.Client.BaseAddress.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        var raw = "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Request-ID: abc\nInjected: yes\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(raw), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var response = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain("Injected", response, StringComparison.OrdinalIgnoreCase);
        var echoed = response.Split("\r\n").Where(l => l.StartsWith("X-Request-ID:", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.All(echoed, l => Assert.Matches("^X-Request-ID: [A-Za-z0-9._-]{1,64}$", l));
    }

    [Theory]
    [InlineData("api/health", null, 200)]
    [InlineData("api/vendedor/dashboard", "ADMIN", 200)]
    [InlineData("api/vendedor/dashboard?data_inicio=x", "ADMIN", 400)]
    [InlineData("api/vendedor/dashboard", null, 401)]
    [InlineData("api/apuracao", "VENDEDOR", 403)]
    [InlineData("api/vendedor/clientes/999", "ADMIN", 404)]
    [InlineData("api/nowhere", null, 404)]
    public async Task Every_response_has_a_request_id(string path, string? role, int status)
    {
        var response = role is null ? await app.GetAsync(path) : await app.GetAsync(path, role);

        Assert.Equal(status, (int)response.Status);
        Assert.Equal(response.RequestId, response.Headers["X-Request-ID"]);
    }

    [Fact]
    public async Task A_wrong_method_and_an_unhandled_failure_have_one_too()
    {
        var wrongMethod = await app.SendJsonAsync(HttpMethod.Delete, "api/vendedor/dashboard", null, ["ADMIN"]);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.Status);
        Assert.Equal(wrongMethod.RequestId, wrongMethod.Headers["X-Request-ID"]);

        await Sql.ExecuteAsync(app.Database, "ALTER TABLE ranking_cliente RENAME COLUMN valor_centavos TO valor_centavos_x");
        var failure = await app.GetAsync("api/vendedor/dashboard?data_inicio=2020-01-01", "ADMIN");
        Assert.Equal(HttpStatusCode.InternalServerError, failure.Status);
        Assert.Equal(failure.RequestId, failure.Headers["X-Request-ID"]);
        Assert.Equal(failure.RequestId, failure.Json.GetProperty("request_id").GetString());
        Assert.DoesNotContain("valor_centavos", failure.Body, StringComparison.Ordinal);
    }

    private async Task<string> IdFor(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/health");
        Assert.True(request.Headers.TryAddWithoutValidation("X-Request-ID", id));
        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return Assert.Single(response.Headers.GetValues("X-Request-ID"));
    }
}
