namespace Sap.Integration.Tests.Infrastructure;

/// <summary>A throwaway redis-server (no persistence): restarting it empties it, as a crashed cache would be.</summary>
public sealed class RedisServer : ServerProcess
{
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Whether Redis holds a key with this text in its name (SCAN, as a test may: the server is the test's own).</summary>
    public async Task<bool> HasKeyAsync(string containing)
    {
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(ConnectionString);
        return redis.GetServer(ConnectionString).Keys(pattern: $"*{containing}*").Any();
    }

    protected override (string File, IReadOnlyList<string> Arguments) Command() =>
        ("redis-server", ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"]);

    // Under faketime (README, "Tests at any hour") redis-server dies at start: libfaketime's clock_gettime recurses
    // through its allocator. Sap keeps no instants in Redis (TTLs are relative), so it runs on the real clock.
    protected override IReadOnlyList<string> EnvironmentRemoved => ["LD_PRELOAD"];
}
