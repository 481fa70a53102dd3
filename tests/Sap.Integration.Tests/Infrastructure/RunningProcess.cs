using System.Diagnostics;
using System.Text;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>A program left running while the test acts on it: its output gathered as it comes, waited for, or killed.</summary>
public sealed class RunningProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    private RunningProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => process.HasExited;

    public static RunningProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        new(Process.Start(ProcessRunner.StartInfo(fileName, arguments, environment))
            ?? throw new InvalidOperationException($"could not start {fileName}"));

    /// <summary>Ends it at once with SIGKILL, as a crash or the OOM killer would: none of its own clean-up runs.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>Polls what it printed on stderr until a line contains <paramref name="text"/>.</summary>
    public async Task WaitForStderrAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Read(stderr).Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no '{text}' on stderr: {Result()}");
            }

            await Task.Delay(20);
        }
    }

    public async Task<ProcessResult> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        process.WaitForExit(); // the last output events have arrived
        return Result();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private ProcessResult Result() => new(process.HasExited ? process.ExitCode : -1, Read(stdout), Read(stderr));
}
