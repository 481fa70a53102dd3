using System.Collections.Concurrent;
using System.Diagnostics;
using Sap.Domain.Data;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>
/// The published app under the real Azure Functions host: `func start` when the Core Tools are on PATH, else the host
/// named by SAP_FUNCTIONS_HOST, else ../shared/tools/functions-host/func-host (the open-source host built for net10.0).
/// Configured by environment variables, as App Service passes app settings; the host relays the worker's stdout
/// (Sap's JSON lines) in its own console log, which <see cref="AppLines"/> picks out.
/// </summary>
public sealed class FunctionsHostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private FunctionsHostProcess(Process process, int port, TestTokens tokens)
    {
        this.process = process;
        Tokens = tokens;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public TestTokens Tokens { get; }

    /// <summary>From the start of the host to its first 200 on /api/health.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Everything the host wrote (stdout and stderr), line by line.</summary>
    public IReadOnlyList<string> Output => [.. output];

    /// <summary>Sap's own JSON log lines, as the host relayed them (each on the line after its "Host.Function.Console" header).</summary>
    public IReadOnlyList<string> AppLines =>
        [.. output.Select(l => l.Trim()).Where(l => l.StartsWith("{\"timestamp\"", StringComparison.Ordinal))];

    /// <summary>Starts the host and waits for /api/health.</summary>
    public static async Task<FunctionsHostProcess> StartAsync(DatabaseSettings db, IDictionary<string, string> settings, TestTokens tokens)
    {
        var host = await LaunchAsync(db, settings, tokens);
        var started = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (host.process.HasExited)
            {
                throw new InvalidOperationException($"the Functions host exited with {host.process.ExitCode}:\n{string.Join('\n', host.Output.TakeLast(40))}");
            }

            if (await host.AnswersHealthAsync())
            {
                host.StartupTime = started.Elapsed;
                return host;
            }

            await Task.Delay(100);
        }

        var tail = string.Join('\n', host.Output.TakeLast(40));
        await host.DisposeAsync();
        throw new TimeoutException($"the Functions host did not answer /api/health within 120 s:\n{tail}");
    }

    /// <summary>Starts the host without waiting for it to serve: for starts that must fail.</summary>
    public static async Task<FunctionsHostProcess> LaunchAsync(DatabaseSettings db, IDictionary<string, string> settings, TestTokens tokens)
    {
        var folder = await PublishedApp.FolderAsync();
        var port = FreePort.Next();
        var (file, arguments) = Command(folder, port);
        var info = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var variable in new[] { "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT", "AzureWebJobsStorage", "ASPNETCORE_URLS" })
        {
            info.Environment.Remove(variable);
        }

        info.Environment["AZURE_FUNCTIONS_ENVIRONMENT"] = "Production";
        // A HOME of its own per host (func-host's setting; the Core Tools ignore it), so hosts at once share no key files.
        info.Environment["FUNC_HOST_HOME"] = Directory.CreateTempSubdirectory("sap-func-home-").FullName;
        DeploymentEnvironment.Apply(info.Environment, db, tokens, settings);

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var host = new FunctionsHostProcess(process, port, tokens);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Whether /api/health answers 200 right now.</summary>
    public async Task<bool> AnswersHealthAsync()
    {
        try
        {
            using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var response = await Client.GetAsync("api/health", probe.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            // SIGTERM: the host stops gracefully and stops its worker; whatever is left is killed.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
    }

    /// <summary>The host to run: the Core Tools, SAP_FUNCTIONS_HOST, or the workplace's build of the open-source host.</summary>
    private static (string File, IReadOnlyList<string> Arguments) Command(string folder, int port)
    {
        string[] start = ["start", "--script-root", folder, "--port", port.ToString(CultureInfo.InvariantCulture)];
        if (OnPath("func") is { } func)
        {
            return (func, start);
        }

        var host = Environment.GetEnvironmentVariable("SAP_FUNCTIONS_HOST") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "tools", "functions-host", "func-host"));
        if (!File.Exists(host))
        {
            throw new InvalidOperationException(
                $"no Functions host: install the Core Tools (func), set SAP_FUNCTIONS_HOST, or provide {host}");
        }

        return (host, start);
    }

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private void Keep(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
