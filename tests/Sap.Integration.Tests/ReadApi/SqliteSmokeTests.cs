namespace Sap.Integration.Tests.ReadApi;

/// <summary>The embedded default's provider: a smoke set of the read API against the same oracle.</summary>
public sealed class SqliteSmokeTests(SqliteDemoApp demo) : IClassFixture<SqliteDemoApp>
{
    private static DateOnly Today => Seed.Today;

    [Fact]
    public async Task Dashboard_and_rankings_match_the_oracle()
    {
        JsonAssert.Equal(demo.Oracle.Dashboard(Today, null, null), (await Get("api/vendedor/dashboard")).Body);
        var (a, b) = (Today.AddDays(-60), Today.AddDays(-1));
        JsonAssert.Equal(demo.Oracle.Dashboard(Today, a, b), (await Get($"api/vendedor/dashboard?data_inicio={a:yyyy-MM-dd}&data_fim={b:yyyy-MM-dd}")).Body);
        JsonAssert.Equal(demo.Oracle.Rankings(Today, "ultimos_6_meses", null, null), (await Get("api/vendedor/rankings?periodo=ultimos_6_meses")).Body);
    }

    [Fact]
    public async Task Cliente_reads_match_the_oracle()
    {
        var id = demo.Oracle.LargestCliente;
        JsonAssert.Equal(demo.Oracle.Cliente(id, 50), (await Get($"api/vendedor/clientes/{id}")).Body);
        JsonAssert.Equal(demo.Oracle.ClienteProdutos(id), (await Get($"api/vendedor/clientes/{id}/produtos")).Body);
        JsonAssert.Equal(demo.Oracle.Clientes(Today, "todos"), (await Get("api/vendedor/clientes")).Body);
        JsonAssert.Equal(demo.Oracle.Busca("São"), (await Get("api/vendedor/clientes/busca?q=S%C3%A3o")).Body);
        JsonAssert.Equal(demo.Oracle.Busca("conceicao"), (await Get("api/vendedor/clientes/busca?q=conceicao")).Body);
    }

    [Fact]
    public async Task Apuracao_matches_the_oracle()
    {
        foreach (var (ano, mes) in demo.Oracle.ApuracaoMonths.Take(4).Append((Today.Year, Today.Month)))
        {
            JsonAssert.Equal(demo.Oracle.Apuracao(ano, mes, Today), (await Get($"api/apuracao?mes={mes}&ano={ano}")).Body);
        }
    }

    private async Task<ApiResponse> Get(string path)
    {
        var response = (await demo.App.GetAsync(path, "ADMIN")).Ok();
        Assert.InRange(response.SqlCommands, 0, 3);
        return response;
    }
}
