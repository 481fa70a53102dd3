namespace Sap.Integration.Tests.Infrastructure;

/// <summary>A throwaway redis-server (no persistence): restarting it empties it, as a crashed cache would be.</summary>
public sealed class RedisServer : ServerProcess
{
    public string ConnectionString => $"127.0.0.1:{Port}";

    protected override (string File, IReadOnlyList<string> Arguments) Command() =>
        ("redis-server", ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"]);
}
