using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sap.Domain;
using Sap.Domain.Apuracoes;
using Sap.Domain.Vendedor;
using Sap.Functions.Hosting;
using Sap.Functions.Http;

namespace Sap.Integration.Tests.Hosting;

/// <summary>One binary, two hosts: the self-host routes exactly what functions.metadata declares; the worker path still composes.</summary>
public sealed class HostTests(PostgresServer postgres)
{
    private static readonly string Metadata = Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    /// <summary>Settings the worker needs under the Functions host besides the database: the queue trigger's (ADR 9).</summary>
    private static readonly string[] TriggerSettings = ["--Sap:Events:Queue=sap-events", "--AzureWebJobsStorage=UseDevelopmentStorage=true"];

    /// <summary>(name, route, methods) of each HTTP function but the catch-all, read straight from the file the Functions host reads.</summary>
    private static List<(string Name, string Route, string[] Methods)> DeclaredHttpFunctions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Metadata));
        return [.. document.RootElement.EnumerateArray()
            .Select(f => (f, trigger: f.GetProperty("bindings").EnumerateArray().FirstOrDefault(b => b.GetProperty("type").GetString() == "httpTrigger")))
            .Where(x => x.trigger.ValueKind != JsonValueKind.Undefined && x.trigger.GetProperty("route").GetString() != UnroutedFunctions.Route)
            .Select(x => (
                x.f.GetProperty("name").GetString()!,
                x.trigger.GetProperty("route").GetString()!,
                x.trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order().ToArray()))];
    }

    [Fact]
    public async Task The_self_host_routes_every_function_of_the_metadata_with_its_methods_and_nothing_else()
    {
        await using var app = await SapApp.StartAsync(await TestDatabases.MigratedPostgresAsync(postgres));
        var declared = DeclaredHttpFunctions();
        Assert.Contains(declared, f => f.Name == "Dashboard");

        var served = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .Select(e => (Name: e.DisplayName!, Route: e.RoutePattern.RawText!, Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Order().ToArray()))
            .OrderBy(e => e.Name)
            .ToList();
        Assert.Equal(
            declared.OrderBy(f => f.Name).Select(f => $"{f.Name} api/{f.Route} {string.Join(',', f.Methods)}"),
            served.Select(s => $"{s.Name} {s.Route} {string.Join(',', s.Methods)}"));

        foreach (var (name, route, methods) in declared)
        {
            var path = "api/" + System.Text.RegularExpressions.Regex.Replace(route, "{[^}]+}", "1");
            foreach (var method in methods)
            {
                var response = await app.SendAsync(Authorized(app, new HttpMethod(method), path));
                Assert.True(!IsNoRoute(response) && response.Status != HttpStatusCode.MethodNotAllowed, $"{name}: {method} {path} → {response}");
            }

            // A method no function serves on this route (several functions may share a route with different methods).
            var servedHere = declared.Where(f => f.Route == route).SelectMany(f => f.Methods).ToHashSet();
            var other = new[] { "DELETE", "PATCH", "PUT", "POST", "GET" }.First(m => !servedHere.Contains(m));
            var refused = await app.SendAsync(Authorized(app, new HttpMethod(other), path));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.Status);
            Assert.Equal(string.Join(",", servedHere.Order(StringComparer.Ordinal)), refused.Headers["Allow"]);
        }

        var unknown = await app.SendAsync(Authorized(app, HttpMethod.Get, "api/vendedor/nao-existe"));
        Assert.True(IsNoRoute(unknown), unknown.ToString());
        Assert.Equal("application/problem+json", unknown.MediaType);
    }

    [Fact]
    public async Task Head_answers_a_get_route_with_the_gets_headers_and_no_body_and_every_answer_says_nosniff()
    {
        await using var app = await SapApp.StartAsync(await TestDatabases.MigratedPostgresAsync(postgres));
        var get = await app.SendAsync(Authorized(app, HttpMethod.Get, "api/vendedor/dashboard"));
        var head = await app.SendAsync(Authorized(app, HttpMethod.Head, "api/vendedor/dashboard"));

        Assert.Equal(HttpStatusCode.OK, head.Status);
        Assert.Empty(head.Body);
        Assert.Equal(get.MediaType, head.MediaType);
        Assert.Equal(get.Headers["ETag"], head.Headers["ETag"]);
        Assert.Equal("HIT", head.Headers["X-Cache"]);
        foreach (var answer in new[] { get, head, await app.GetAsync("api/vendedor/dashboard"), await app.GetAsync("api/nao-existe", "ADMIN"), await app.GetAsync("api/health") })
        {
            Assert.Equal("nosniff", answer.Headers["X-Content-Type-Options"]);
        }
    }

    [Fact]
    public void The_catch_all_function_sorts_after_every_other_so_the_functions_host_tries_it_last()
    {
        var names = DeclaredHttpFunctions().Select(f => f.Name).Append(nameof(UnroutedFunctions.Unrouted));
        Assert.Equal(nameof(UnroutedFunctions.Unrouted), names.Order(StringComparer.OrdinalIgnoreCase).Last());
        Assert.Contains(FunctionCatalog.Load(AppContext.BaseDirectory).Http, f => f.CatchAll && f.Name == nameof(UnroutedFunctions.Unrouted));
    }

    [Theory]
    [InlineData("--Sap:Events:Queue=", "Sap:Events:Queue: missing: the Functions host resolves %Sap:Events:Queue% in InvalidarCache's queueTrigger")]
    [InlineData("--AzureWebJobsStorage=", "AzureWebJobsStorage: missing: InvalidarCache's queueTrigger reads this Storage account")]
    [InlineData("--AzureWebJobsStorage=AccountName=devstoreaccount1;AccountKey=a2V5;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1",
        "AzureWebJobsStorage: names a Queue endpoint but no BlobEndpoint: VarrerOutbox's timerTrigger keeps its lock as a blob lease")]
    public void Under_the_functions_host_a_trigger_setting_left_out_stops_the_worker_naming_it(string setting, string message)
    {
        var key = setting[2..setting.IndexOf('=', StringComparison.Ordinal)];
        string[] args =
        [
            "--Sap:Database:Provider=sqlite", $"--Sap:Auth:SigningKey={Convert.ToBase64String(new byte[32])}",
            .. TriggerSettings.Where(s => !s.StartsWith($"--{key}=", StringComparison.Ordinal)), setting,
        ];

        var error = Assert.Throws<InvalidSettingsException>(() => WorkerHost.Configure(FunctionsApplication.CreateBuilder(args)));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_worker_host_builds_its_service_graph_with_the_same_composition()
    {
        string[] args =
        [
            "--Sap:Database:Provider=postgres",
            $"--ConnectionStrings:Sap={postgres.AdminConnectionString}",
            $"--Sap:Auth:SigningKey={Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray())}",
            .. TriggerSettings,
        ];

        using var host = WorkerHost.Configure(FunctionsApplication.CreateBuilder(args)).Build();

        var services = host.Services;
        var catalog = services.GetRequiredService<FunctionCatalog>();
        Assert.NotEmpty(catalog.Http);
        Assert.NotNull(services.GetRequiredService<RequestPipeline>());
        Assert.NotNull(services.GetRequiredService<VendedorQueries>());
        Assert.NotNull(services.GetRequiredService<ApuracaoQueries>());
        using var scope = services.CreateScope();
        foreach (var function in catalog.Http)
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Method.DeclaringType!));
        }
    }

    [Fact]
    public void In_development_the_worker_may_start_without_a_key()
    {
        var builder = FunctionsApplication.CreateBuilder(["--Sap:Database:Provider=sqlite", .. TriggerSettings]);
        builder.Environment.EnvironmentName = Microsoft.Extensions.Hosting.Environments.Development;

        using var host = WorkerHost.Configure(builder).Build();

        Assert.True(host.Services.GetRequiredService<Sap.Functions.Security.SigningKey>().IsEphemeral);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("c2hvcnQ=")] // "short": 5 bytes
    [InlineData("not base64 at all!")]
    public void Outside_development_start_up_fails_without_a_valid_key(string? key)
    {
        string[] args = key is null ? ["--Sap:Database:Provider=sqlite"] : ["--Sap:Database:Provider=sqlite", $"--Sap:Auth:SigningKey={key}"];

        var error = Assert.Throws<InvalidSettingsException>(() => SelfHost.Build(args));

        Assert.Contains("Sap:Auth:SigningKey", error.Message, StringComparison.Ordinal);
        if (key is not null)
        {
            Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_process_refuses_to_start_in_production_without_a_key_with_one_line_and_exit_2()
    {
        var result = await ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Sap.Functions.dll"), "--urls", $"http://127.0.0.1:{FreePort.Next()}"],
            new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Production", ["AZURE_FUNCTIONS_ENVIRONMENT"] = null, ["Sap__Auth__SigningKey"] = null },
            TimeSpan.FromSeconds(60), Directory.CreateTempSubdirectory("sap-prod-").FullName);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: Sap:Auth:SigningKey", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sap__Cache__RefreshIntervalMs", "0")]
    [InlineData("Sap__Cache__HotSeconds", "-1")]
    [InlineData("Sap__Cache__Ttl__Dashboard", "-5")]
    [InlineData("Sap__BusinessTimeZone", "Mars/Olympus")]
    [InlineData("Sap__Events__SweepSeconds", "0")]
    [InlineData("Sap__Events__Queue", "Not_A_Queue")]
    [InlineData("Sap__Database__Provider", "oracle")]
    [InlineData("Sap__Cache__RefreshIntervalMs", "soon")]
    [InlineData("Sap__Metrics__ScrapeToken", "short")]
    [InlineData("Logging__LogLevel__Default", "Loud")]
    [InlineData("AzureWebJobsStorage", "not a connection string")]
    public async Task A_bad_setting_stops_the_production_self_host_with_exit_2_and_one_line_naming_it(string variable, string value)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Sap.Functions.dll"), "--urls", $"http://127.0.0.1:{FreePort.Next()}"],
            new Dictionary<string, string?>
            {
                ["DOTNET_ENVIRONMENT"] = "Production", ["AZURE_FUNCTIONS_ENVIRONMENT"] = null,
                ["Sap__Auth__SigningKey"] = Convert.ToBase64String(new byte[32]), [variable] = value,
            },
            TimeSpan.FromSeconds(30), Directory.CreateTempSubdirectory("sap-prod-").FullName);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {variable.Replace("__", ":", StringComparison.Ordinal)}: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalSeconds:0.0} s to refuse");
    }

    private static HttpRequestMessage Authorized(SapApp app, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", app.Tokens.For("ADMIN"));
        return request;
    }

    private static bool IsNoRoute(ApiResponse response) =>
        response.Status == HttpStatusCode.NotFound && response.Body.Contains(Problems.TypePrefix + "no-route", StringComparison.Ordinal);
}
