using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sap.Integration.Tests.Hosting;

/// <summary>README's run command: Sap.Functions with no settings, in Development, serves demo data on SQLite with a printed token.</summary>
public sealed partial class EmbeddedDefaultTests
{
    [Fact]
    public async Task With_no_settings_it_fills_sqlite_prints_a_token_and_its_curl_line_returns_a_dashboard()
    {
        var folder = Directory.CreateTempSubdirectory("sap-embedded-").FullName;
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Sap.Functions.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Sap__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        using var process = Process.Start(info)!;
        try
        {
            var output = new List<string>();
            string? curl = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (curl is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.Add(line);
                curl = line.StartsWith("curl ", StringComparison.Ordinal) ? line : null;
            }

            Assert.True(curl is not null, "no curl line:\n" + string.Join('\n', output));
            Assert.Contains(output, l => l.Contains($"http://127.0.0.1:{port}", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(folder, "data", "sap.db")), "the SQLite file lives in the data folder");

            // Do what the printed line says.
            var match = CurlLine().Match(curl!);
            Assert.True(match.Success, curl);
            using var client = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, match.Groups["url"].Value);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", match.Groups["token"].Value);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(200, body.GetProperty("resumo").GetProperty("total_clientes").GetInt32());
            Assert.Equal(10, body.GetProperty("ranking_faturamento").GetArrayLength());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex("""^curl -H "Authorization: Bearer (?<token>[^"]+)" (?<url>\S+)$""")]
    private static partial Regex CurlLine();
}
