using System.Text.Json.Nodes;

namespace Sap.Integration.Tests.ReadApi;

/// <summary>Every figure of every read endpoint, on demo data, against the independent oracle; at most 3 SQL commands each.</summary>
public sealed class DemoDataOracleTests(PostgresDemoApp demo) : IClassFixture<PostgresDemoApp>
{
    private const string Admin = "ADMIN";

    private static DateOnly Today => Seed.Today;

    [Theory]
    [InlineData(null, null)]
    [InlineData(-60, -1)]
    [InlineData(-1, -60)] // reversed: swapped
    [InlineData(-90, null)]
    [InlineData(null, -400)]
    public async Task Dashboard_matches_the_oracle(int? inicio, int? fim)
    {
        var (a, b) = (Day(inicio), Day(fim));

        var response = await Get($"api/vendedor/dashboard{Query(("data_inicio", a), ("data_fim", b))}");

        JsonAssert.Equal(demo.Oracle.Dashboard(Today, a, b), response.Body);
    }

    [Theory]
    [InlineData("todos")]
    [InlineData("ultimo_mes")]
    [InlineData("ultimos_3_meses")]
    [InlineData("ultimos_6_meses")]
    [InlineData("ultimo_ano")]
    public async Task Rankings_match_the_oracle_for_every_periodo(string periodo)
    {
        var response = await Get($"api/vendedor/rankings?periodo={periodo}");

        JsonAssert.Equal(demo.Oracle.Rankings(Today, periodo, null, null), response.Body);
    }

    [Fact]
    public async Task Rankings_default_to_todos_and_explicit_dates_override_the_periodo()
    {
        JsonAssert.Equal(demo.Oracle.Rankings(Today, "todos", null, null), (await Get("api/vendedor/rankings")).Body);

        var (a, b) = (Today.AddDays(-45), Today.AddDays(-10));
        var response = await Get($"api/vendedor/rankings?periodo=ultimo_ano&data_inicio={a:yyyy-MM-dd}&data_fim={b:yyyy-MM-dd}");
        JsonAssert.Equal(demo.Oracle.Rankings(Today, "ultimo_ano", a, b), response.Body);
    }

    [Fact]
    public async Task Cliente_detail_of_the_largest_cliente_matches_the_oracle()
    {
        var id = demo.Oracle.LargestCliente;

        JsonAssert.Equal(demo.Oracle.Cliente(id, 50), (await Get($"api/vendedor/clientes/{id}")).Body);
        JsonAssert.Equal(demo.Oracle.Cliente(id, 500), (await Get($"api/vendedor/clientes/{id}?limite=500")).Body);
        JsonAssert.Equal(demo.Oracle.Cliente(id, 1), (await Get($"api/vendedor/clientes/{id}?limite=1")).Body);
    }

    [Fact]
    public async Task Every_cliente_detail_and_produtos_match_the_oracle()
    {
        foreach (var id in demo.Oracle.ClienteIds.Order().Where(i => i % 7 == 0))
        {
            JsonAssert.Equal(demo.Oracle.Cliente(id, 20), (await Get($"api/vendedor/clientes/{id}?limite=20")).Body);
            JsonAssert.Equal(demo.Oracle.ClienteProdutos(id), (await Get($"api/vendedor/clientes/{id}/produtos")).Body);
        }
    }

    [Theory]
    [InlineData("todos")]
    [InlineData("7")]
    [InlineData("15")]
    [InlineData("30")]
    public async Task Clientes_by_days_without_buying_match_the_oracle(string periodo)
    {
        var response = await Get($"api/vendedor/clientes?periodo={periodo}");

        var expected = demo.Oracle.Clientes(Today, periodo);
        Assert.NotEmpty(expected["clientes"]!.AsArray());
        JsonAssert.Equal(expected, response.Body);
    }

    [Theory]
    [InlineData("bar")]
    [InlineData("BAR")]
    [InlineData("sao")]
    [InlineData("São")]
    [InlineData("conceicao")]
    [InlineData("CONCEIÇÃO")]
    [InlineData("campinas")]
    [InlineData("zzzz-nothing")]
    [InlineData("")]
    [InlineData("100%")]
    [InlineData("_")]
    public async Task Busca_matches_the_oracle_ignoring_case_and_accents(string q)
    {
        var response = await Get($"api/vendedor/clientes/busca?q={Uri.EscapeDataString(q)}");

        JsonAssert.Equal(demo.Oracle.Busca(q), response.Body);
    }

    [Fact]
    public async Task Apuracao_of_every_month_matches_the_oracle()
    {
        var months = demo.Oracle.ApuracaoMonths.Append((Today.Year, Today.Month)).Append((Today.AddMonths(-20).Year, Today.AddMonths(-20).Month));
        foreach (var (ano, mes) in months)
        {
            JsonAssert.Equal(demo.Oracle.Apuracao(ano, mes, Today), (await Get($"api/apuracao?mes={mes}&ano={ano}")).Body);
        }

        JsonAssert.Equal(demo.Oracle.Apuracao(Today.Year, Today.Month, Today), (await Get("api/apuracao")).Body);
    }

    [Fact]
    public async Task Unknown_cliente_is_404_problem()
    {
        var response = await demo.App.GetAsync("api/vendedor/clientes/999999", Admin);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(404, response.Json.GetProperty("status").GetInt32());
        Assert.Equal(response.RequestId, response.Json.GetProperty("request_id").GetString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await demo.App.GetAsync("api/vendedor/clientes/999999/produtos", Admin)).Status);
    }

    [Theory]
    [InlineData("api/vendedor/dashboard", 3)]
    [InlineData("api/vendedor/dashboard?data_inicio=2025-01-01&data_fim=2025-12-31", 3)]
    [InlineData("api/vendedor/rankings?periodo=ultimo_ano", 1)]
    [InlineData("api/vendedor/rankings?data_inicio=2025-01-01&data_fim=2025-06-30", 1)]
    [InlineData("api/vendedor/clientes/1", 2)]
    [InlineData("api/vendedor/clientes?periodo=7", 1)]
    [InlineData("api/vendedor/clientes/1/produtos", 2)]
    [InlineData("api/vendedor/clientes/busca?q=bar", 1)]
    [InlineData("api/apuracao", 3)]
    public async Task Each_endpoint_runs_at_most_three_sql_commands(string path, int expected)
    {
        var response = (await demo.App.GetAsync(path, Admin)).Ok();

        Assert.Equal(expected, response.SqlCommands);
        Assert.InRange(response.SqlCommands, 1, 3);
    }

    /// <summary>A 200 JSON answer for ADMIN, and never more than three SQL commands for it.</summary>
    private async Task<ApiResponse> Get(string path)
    {
        var response = (await demo.App.GetAsync(path, Admin)).Ok();
        Assert.InRange(response.SqlCommands, 0, 3);
        return response;
    }

    private static DateOnly? Day(int? offset) => offset is { } days ? Today.AddDays(days) : null;

    private static string Query(params (string Name, DateOnly? Value)[] values)
    {
        var set = values.Where(v => v.Value is not null).Select(v => $"{v.Name}={v.Value:yyyy-MM-dd}").ToList();
        return set.Count == 0 ? "" : "?" + string.Join('&', set);
    }
}
