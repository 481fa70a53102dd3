using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;

namespace Sap.Functions.Caching;

/// <summary>
/// Whether an invalidation can be done in the shared cache right now, and how to ask for one that fails loudly.
/// FusionCache keeps reads going when Redis is away (its circuit breakers skip Redis for a while, and it re-sends
/// what it missed once Redis is back, from memory); that is right for reads, but an invalidation that a queue
/// message stands for must not be acknowledged on the strength of a retry held in one instance's memory.
/// What this instance's backplane subscription missed while Redis was away cannot be re-sent by anyone: when the
/// connection comes back, this instance's memory level is emptied, and its reads go to Redis or the database again.
/// </summary>
public sealed partial class SharedCacheState
{
    private readonly IConnectionMultiplexer? redis;
    private volatile bool distributedOpen;
    private volatile bool backplaneOpen;

    public SharedCacheState(IFusionCache cache, IServiceProvider services, ILogger<SharedCacheState> logger)
    {
        redis = services.GetService<IConnectionMultiplexer>();
        cache.Events.Distributed.CircuitBreakerChange += (_, e) => distributedOpen = !e.IsClosed;
        cache.Events.Backplane.CircuitBreakerChange += (_, e) => backplaneOpen = !e.IsClosed;
        if (redis is not null && services.GetService<MemoryCache>() is { } memory)
        {
            redis.ConnectionRestored += (_, e) =>
            {
                memory.Clear();
                LogMemoryCleared(logger, e.ConnectionType.ToString());
            };
        }
    }

    /// <summary>
    /// Tag removals as FusionCache makes them by default (long-lived, awaited on Redis and the backplane), except that
    /// an error there is thrown instead of left to auto-recovery.
    /// </summary>
    public FusionCacheEntryOptions RemovalOptions { get; } = RethrowingTagOptions();

    /// <summary>A tag removal in this instance's memory only: what is known here while Redis is away.</summary>
    public FusionCacheEntryOptions LocalRemovalOptions { get; } = LocalTagOptions();

    /// <exception cref="SharedCacheUnavailableException">Redis is configured and out of reach, or skipped by a circuit breaker.</exception>
    public void EnsureReachable()
    {
        if (redis is null)
        {
            return;
        }

        if (!redis.IsConnected || distributedOpen || backplaneOpen)
        {
            throw new SharedCacheUnavailableException(
                $"Redis is out of reach (connected: {redis.IsConnected}, cache breaker open: {distributedOpen}, backplane breaker open: {backplaneOpen})");
        }
    }

    private static FusionCacheEntryOptions RethrowingTagOptions()
    {
        var options = new FusionCacheOptions().TagsDefaultEntryOptions.Duplicate();
        options.ReThrowDistributedCacheExceptions = true;
        options.ReThrowBackplaneExceptions = true;
        options.ReThrowSerializationExceptions = true;
        options.AllowBackgroundDistributedCacheOperations = false;
        options.AllowBackgroundBackplaneOperations = false;
        return options;
    }

    private static FusionCacheEntryOptions LocalTagOptions()
    {
        var options = new FusionCacheOptions().TagsDefaultEntryOptions.Duplicate();
        options.SkipDistributedCacheRead = true;
        options.SkipDistributedCacheWrite = true;
        options.SkipBackplaneNotifications = true;
        return options;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis connection ({ConnectionType}) restored; this instance's memory cache was emptied, as backplane messages may have been missed")]
    private static partial void LogMemoryCleared(ILogger logger, string connectionType);
}
