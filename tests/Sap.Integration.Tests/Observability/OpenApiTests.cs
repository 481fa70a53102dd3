using System.Text.Json;
using Microsoft.OpenApi;

namespace Sap.Integration.Tests.Observability;

/// <summary>/api/openapi.json parses with Microsoft.OpenApi and lists every HTTP function of functions.metadata.</summary>
public sealed class OpenApiTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_document_parses_and_describes_every_function_with_its_route_and_methods()
    {
        await using var app = await SapApp.StartAsync(await TestDatabases.MigratedPostgresAsync(postgres));
        var response = (await app.GetAsync("api/openapi.json")).Ok();

        var result = OpenApiDocument.Parse(response.Body, "json");

        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic!.Errors);
        var document = result.Document!;
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "functions.metadata"), TestContext.Current.CancellationToken));
        var functions = metadata.RootElement.EnumerateArray()
            .Select(f => (Name: f.GetProperty("name").GetString()!, Trigger: f.GetProperty("bindings").EnumerateArray().FirstOrDefault(b => b.GetProperty("type").GetString() == "httpTrigger")))
            .Where(f => f.Trigger.ValueKind != JsonValueKind.Undefined && f.Trigger.GetProperty("route").GetString() != Sap.Functions.Hosting.UnroutedFunctions.Route)
            .ToList();
        Assert.True(functions.Count > 20);
        foreach (var (name, trigger) in functions)
        {
            var path = "/api/" + trigger.GetProperty("route").GetString();
            Assert.True(document.Paths.TryGetValue(path, out var item), $"{name}: {path} missing");
            foreach (var method in trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).Where(m => m != "head"))
            {
                var operation = item!.Operations!.Single(o => o.Key.Method.Equals(method, StringComparison.OrdinalIgnoreCase)).Value;
                Assert.Equal(name, operation.OperationId);
                Assert.NotEmpty(operation.Responses!);
            }
        }

        var criar = document.Paths["/api/pedidos"].Operations!.Single(o => o.Key.Method == "POST").Value;
        Assert.NotNull(criar.RequestBody);
        Assert.Contains("201", criar.Responses!.Keys);
        Assert.Contains("422", criar.Responses!.Keys);
        Assert.Equal("application/problem+json", criar.Responses!["422"].Content!.Keys.Single());
        Assert.NotEmpty(criar.Security!);
        var dashboard = document.Paths["/api/vendedor/dashboard"].Operations!.Single().Value;
        Assert.Contains(dashboard.Parameters!, p => p.Name == "data_inicio");
        Assert.Contains("bearer", document.Components!.SecuritySchemes!.Keys);
        Assert.Empty(document.Paths["/api/health"].Operations!.Single().Value.Security!);
        Assert.DoesNotContain(document.Paths.Keys, p => p.Contains('*', StringComparison.Ordinal));
    }
}
