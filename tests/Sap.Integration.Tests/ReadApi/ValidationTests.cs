using System.Net;

namespace Sap.Integration.Tests.ReadApi;

/// <summary>Every bad parameter is a 400 problem+json naming the parameter; unknown ids are 404; never a 500.</summary>
public sealed class ValidationTests(PostgresServer postgres) : IAsyncLifetime
{
    private SapApp app = null!;

    public async ValueTask InitializeAsync() => app = await SapApp.StartAsync(await TestDatabases.MigratedPostgresAsync(postgres));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("api/vendedor/dashboard?data_inicio=2025-13-01", "data_inicio")]
    [InlineData("api/vendedor/dashboard?data_inicio=2025-02-30", "data_inicio")]
    [InlineData("api/vendedor/dashboard?data_fim=01/08/2025", "data_fim")]
    [InlineData("api/vendedor/dashboard?data_fim=2025-8-1", "data_fim")]
    [InlineData("api/vendedor/dashboard?data_inicio=ontem", "data_inicio")]
    [InlineData("api/vendedor/dashboard?data_inicio=2025-01-01&data_inicio=2025-02-01", "data_inicio")]
    [InlineData("api/vendedor/dashboard?data_fim=9999-12-31", "data_fim")]
    [InlineData("api/vendedor/rankings?data_inicio=0001-01-01&data_fim=2025-01-01", "data_inicio")]
    [InlineData("api/vendedor/rankings?periodo=semana", "periodo")]
    [InlineData("api/vendedor/rankings?periodo=TODOS", "periodo")]
    [InlineData("api/vendedor/rankings?data_fim=2025-04-31", "data_fim")]
    [InlineData("api/vendedor/clientes?periodo=45", "periodo")]
    [InlineData("api/vendedor/clientes/abc", "id")]
    [InlineData("api/vendedor/clientes/0", "id")]
    [InlineData("api/vendedor/clientes/-5", "id")]
    [InlineData("api/vendedor/clientes/1.5", "id")]
    [InlineData("api/vendedor/clientes/99999999999999999999", "id")]
    [InlineData("api/vendedor/clientes/%2B7", "id")]
    [InlineData("api/vendedor/clientes/1?limite=0", "limite")]
    [InlineData("api/vendedor/clientes/1?limite=501", "limite")]
    [InlineData("api/vendedor/clientes/1?limite=dez", "limite")]
    [InlineData("api/vendedor/clientes/1?limite=-1", "limite")]
    [InlineData("api/vendedor/clientes/x/produtos", "id")]
    [InlineData("api/vendedor/clientes/busca?q=bar%00", "q")]
    [InlineData("api/apuracao?mes=0", "mes")]
    [InlineData("api/apuracao?mes=13", "mes")]
    [InlineData("api/apuracao?mes=agosto", "mes")]
    [InlineData("api/apuracao?ano=20x5", "ano")]
    [InlineData("api/apuracao?ano=99999999999", "ano")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string path, string parameter)
    {
        var response = await app.GetAsync(path, "ADMIN");

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.ToString());
        Assert.Equal("application/problem+json", response.MediaType);
        var problem = response.Json;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.EndsWith("/validation", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal(response.RequestId, problem.GetProperty("request_id").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), response.ToString());
        Assert.True(messages.GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_month_after_the_current_one_is_a_400()
    {
        var next = Seed.Today.AddMonths(1);

        var response = await app.GetAsync($"api/apuracao?mes={next.Month}&ano={next.Year}", "ADMIN");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.GetAsync($"api/apuracao?ano={Seed.Today.Year + 1}", "ADMIN")).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync($"api/apuracao?mes={Seed.Today.Month}&ano={Seed.Today.Year}", "ADMIN")).Status);
    }

    [Fact]
    public async Task Several_bad_parameters_are_all_reported()
    {
        var response = await app.GetAsync("api/vendedor/rankings?periodo=x&data_inicio=y&data_fim=z", "ADMIN");

        var errors = response.Json.GetProperty("errors");
        Assert.Equal(["data_fim", "data_inicio", "periodo"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Theory]
    [InlineData("api/vendedor/clientes/9223372036854775807")]
    [InlineData("api/vendedor/clientes/123/produtos")]
    public async Task An_unknown_id_is_404(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync(path, "ADMIN")).Status);

    [Fact]
    public async Task An_unknown_route_is_a_404_problem_with_a_request_id()
    {
        var response = await app.GetAsync("api/nada/aqui", "ADMIN");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(response.RequestId, response.Headers["X-Request-ID"]);
    }

    [Fact]
    public async Task A_long_search_text_is_a_400_and_an_empty_one_an_empty_list()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await app.GetAsync($"api/vendedor/clientes/busca?q={new string('a', 101)}", "ADMIN")).Status);
        Assert.Equal("""{"clientes":[]}""", (await app.GetAsync("api/vendedor/clientes/busca?q=", "ADMIN")).Ok().Body);
        Assert.Equal("""{"clientes":[]}""", (await app.GetAsync("api/vendedor/clientes/busca?q=%20%20", "ADMIN")).Ok().Body);
    }
}
