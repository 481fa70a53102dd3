using System.Diagnostics;
using System.Net.Http.Headers;
using Sap.Domain.Data;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>Sap.Functions started as its own process (the self-host), configured by environment variables like a deployment.</summary>
public sealed class SelfHostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> stdout = new();

    private SelfHostProcess(Process process, int port, TestTokens tokens)
    {
        this.process = process;
        Tokens = tokens;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public HttpClient Client { get; }

    /// <summary>Every line the process wrote on stdout so far.</summary>
    public IReadOnlyList<string> Stdout => [.. stdout];

    public TestTokens Tokens { get; }

    public bool HasExited => process.HasExited;

    /// <summary>SIGKILL: the process dies at once, with whatever it was doing.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <param name="folder">Where Sap.Functions.dll is: the test's own build by default, or a published app.</param>
    public static async Task<SelfHostProcess> StartAsync(DatabaseSettings db, IDictionary<string, string> settings, TestTokens tokens, string? folder = null)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.CreateTempSubdirectory("sap-host-").FullName,
        };
        info.ArgumentList.Add(Path.Combine(folder ?? AppContext.BaseDirectory, "Sap.Functions.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment.Remove("AzureWebJobsStorage");
        DeploymentEnvironment.Apply(info.Environment, db, tokens, settings);

        var process = Process.Start(info)!;
        var host = new SelfHostProcess(process, port, tokens);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                host.stdout.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await host.Client.GetAsync("api/health")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Sap.Functions exited with {process.ExitCode}");
                }
            }

            await Task.Delay(100);
        }

        await host.DisposeAsync();
        throw new TimeoutException("Sap.Functions did not answer /api/health");
    }

    public async Task<(int Status, string Body, string? Cache)> SendAsync(
        HttpMethod method, string path, string? role, string? json = null, string? requestId = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null || role is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Tokens.For(role!));
        }

        if (requestId is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Request-ID", requestId);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues("X-Cache", out var values) ? values.First() : null);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
