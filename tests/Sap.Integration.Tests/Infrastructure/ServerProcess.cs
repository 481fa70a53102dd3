using System.Diagnostics;
using System.Net.Sockets;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>A throwaway server process on a fixed loopback port that tests can stop and start again (fault tests).</summary>
public abstract class ServerProcess : IAsyncLifetime
{
    private Process? process;

    public int Port { get; } = FreePort.Next();

    public bool Running => process is { HasExited: false };

    public virtual async ValueTask InitializeAsync() => await StartAsync();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        GC.SuppressFinalize(this);
    }

    public async Task StartAsync()
    {
        var (file, arguments) = Command();
        var info = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var variable in EnvironmentRemoved)
        {
            info.Environment.Remove(variable);
        }

        process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Generous: on a loaded two-core machine an emulator has been seen to take 20 s to open its port.
        await WaitForPortAsync(TimeSpan.FromSeconds(90));
    }

    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            if (StopsGracefully)
            {
                // SIGTERM: it saves and closes its port (Azurite's node process then lingers); then it is killed.
                using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                    await term.WaitForExitAsync();
                }

                var deadline = DateTime.UtcNow.AddSeconds(10);
                while (DateTime.UtcNow < deadline && !process.HasExited && await ListensAsync())
                {
                    await Task.Delay(50);
                }

                await Task.Delay(200);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>Variables of the test process's environment the server must not inherit.</summary>
    protected virtual IReadOnlyList<string> EnvironmentRemoved => [];

    /// <summary>Stopped with SIGTERM, so that it saves what it acknowledged, as the real service never loses it.</summary>
    protected virtual bool StopsGracefully => false;

    protected abstract (string File, IReadOnlyList<string> Arguments) Command();

    private async Task<bool> ListensAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task WaitForPortAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                if (process is { HasExited: true })
                {
                    throw new InvalidOperationException($"{GetType().Name} exited with code {process.ExitCode}");
                }

                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"{GetType().Name} did not listen on {Port}");
    }
}
