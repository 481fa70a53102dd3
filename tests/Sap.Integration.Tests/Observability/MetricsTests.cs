using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Sap.Integration.Tests.Observability;

/// <summary>SPEC §7 metrics: a valid exposition (promtool), exact counts after known traffic, bounded labels, guarded access.</summary>
public sealed partial class MetricsTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string ScrapeToken = "scrape-token-for-tests-0123456789";

    private SapApp app = null!;
    private long cliente;
    private long produto;

    public async ValueTask InitializeAsync()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        cliente = await seed.ClienteAsync("Bar das Métricas");
        produto = await seed.ProdutoAsync("Beck's 275", 3m);
        app = await SapApp.StartAsync(db, new Dictionary<string, string> { ["Sap:Metrics:ScrapeToken"] = ScrapeToken });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task After_known_traffic_the_counters_hold_exactly_what_happened()
    {
        for (var i = 0; i < 3; i++)
        {
            (await app.GetAsync("api/vendedor/dashboard", "VENDEDOR")).Ok();
        }

        await app.GetAsync("api/vendedor/dashboard");
        await app.GetAsync("api/vendedor/dashboard");
        await app.GetAsync("api/vendedor/dashboard?data_fim=x", "VENDEDOR");
        Assert.Equal(HttpStatusCode.Created, (await app.PostAsync("api/pedidos", $$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produto}},"quantidade":1,"preco_venda":5}]}""", "VENDEDOR")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.PostAsync("api/pedidos", """{"cliente_id":0,"itens":[]}""", "VENDEDOR")).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.PostAsync("api/pedidos", $$"""{"cliente_id":999999,"itens":[{"produto_id":{{produto}},"quantidade":1,"preco_venda":5}]}""", "VENDEDOR")).Status);
        await EventQueue.WaitForInvalidationAsync(app, "pedido.criado");

        var metrics = await ScrapeAsync();

        Assert.Equal(3, Value(metrics, """http_requests_total{method="GET",endpoint="Dashboard",status="200"}"""));
        Assert.Equal(2, Value(metrics, """http_requests_total{method="GET",endpoint="Dashboard",status="401"}"""));
        Assert.Equal(1, Value(metrics, """http_requests_total{method="GET",endpoint="Dashboard",status="400"}"""));
        Assert.Equal(1, Value(metrics, """http_requests_total{method="POST",endpoint="CriarPedido",status="201"}"""));
        Assert.Equal(1, Value(metrics, """business_operations_total{module="pedidos",operation="CriarPedido",status="success"}"""));
        Assert.Equal(2, Value(metrics, """business_operations_total{module="pedidos",operation="CriarPedido",status="validation_error"}"""));
        Assert.Equal(3, Value(metrics, """business_operation_duration_seconds_count{module="pedidos",operation="CriarPedido"}"""));
        Assert.Equal(6, Value(metrics, """http_request_duration_seconds_count{method="GET",endpoint="Dashboard"}"""));
        Assert.Equal(3, Value(metrics, """http_request_duration_seconds_count{method="POST",endpoint="CriarPedido"}"""));
        Assert.Equal(0, Value(metrics, """http_requests_in_progress{method="GET",endpoint="Dashboard"}"""));
        // The dashboard was computed once and then hit twice (nothing changed in between).
        Assert.Equal(1, Value(metrics, """cache_operations_total{operation="get",result="miss"}"""));
        Assert.Equal(2, Value(metrics, """cache_operations_total{operation="get",result="hit"}"""));
        // Every computation of the dashboard (the miss, then the refreshes the write caused) took its three commands.
        var computations = Value(metrics, "cache_computation_sql_commands_count");
        Assert.True(computations >= 2, $"{computations} computations");
        Assert.Equal(3 * computations, Value(metrics, "cache_computation_sql_commands_sum"));
        Assert.Equal(computations, Value(metrics, """cache_computation_sql_commands_bucket{le="3"}"""));
        Assert.Equal(1, Value(metrics, """events_processed_total{type="pedido.criado",result="success"}"""));
        Assert.Equal(1, Value(metrics, """event_invalidation_lag_seconds_count"""));
        Assert.Equal(0, Value(metrics, "outbox_pending"));
        Assert.Equal(0, Value(metrics, "log_events_dropped_total"));
        Assert.True(Value(metrics, """database_queries_total{operation="select"}""") >= 3);
        Assert.True(Value(metrics, """database_queries_total{operation="insert"}""") >= 1); // EF batches the inserts of a write
        Assert.Matches("""app_info\{version="[^"]+",environment="Production"\} 1""", metrics);
    }

    [Fact]
    public async Task Promtool_accepts_the_exposition_and_the_alert_rules()
    {
        (await app.GetAsync("api/vendedor/dashboard", "VENDEDOR")).Ok();
        var metrics = await ScrapeAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("sap-metrics-").FullName, "metrics.txt");
        await File.WriteAllTextAsync(file, metrics, TestContext.Current.CancellationToken);

        var check = await ProcessRunner.RunAsync("sh", ["-c", $"promtool check metrics < {file}"]);
        Assert.True(check.ExitCode == 0, check.ToString());

        var rules = await ProcessRunner.RunAsync("promtool", ["check", "rules", Path.Combine(Repository.Root, "docs", "ops", "alerts.yml")]);
        Assert.True(rules.ExitCode == 0, rules.ToString());
        Assert.Contains("SUCCESS", rules.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_label_takes_a_raw_path_or_an_id()
    {
        foreach (var path in new[] { "api/vendedor/clientes/1", "api/vendedor/clientes/2", "api/vendedor/clientes/987654", "api/nada/123", "api/pedidos/77" })
        {
            await app.GetAsync(path, "ADMIN");
        }

        var metrics = await ScrapeAsync();
        var endpoints = Labels(metrics, "endpoint").ToHashSet();
        Assert.Contains("ClienteDetalhe", endpoints);
        Assert.Contains(nameof(Sap.Functions.Hosting.UnroutedFunctions.Unrouted), endpoints); // api/nada/123: no function has that route
        Assert.All(endpoints, e => Assert.Matches("^[A-Za-z]+$", e));
        Assert.All(Labels(metrics, "method"), m => Assert.Contains(m, new[] { "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS" }));
        Assert.All(Labels(metrics, "status"), s => Assert.Matches("^[1-5][0-9]{2}$|^(success|error|validation_error)$", s));
        Assert.DoesNotContain("/", string.Join(' ', Labels(metrics, "endpoint")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_need_admin_or_the_scrape_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("api/metrics")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.GetAsync("api/metrics", "FINANCEIRO")).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("api/metrics", "ADMIN")).Status);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "api/metrics");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeToken + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.SendAsync(wrong)).Status);
        Assert.Contains("text/plain", (await ScrapeResponseAsync()).MediaType, StringComparison.Ordinal);
    }

    private async Task<string> ScrapeAsync() => (await ScrapeResponseAsync()).Body;

    private async Task<ApiResponse> ScrapeResponseAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeToken);
        var response = await app.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response;
    }

    private static double Value(string metrics, string series)
    {
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }

    private static IEnumerable<string> Labels(string metrics, string label) =>
        LabelValue().Matches(metrics).Where(m => m.Groups["name"].Value == label).Select(m => m.Groups["value"].Value).Distinct();

    [GeneratedRegex("(?<name>[a-z_]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex LabelValue();
}
