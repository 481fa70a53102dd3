using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RedisRateLimiting;
using Sap.Functions.Caching;
using StackExchange.Redis;

namespace Sap.Functions.RateLimiting;

/// <summary>
/// Each caller's budget of requests per minute (fixed windows, opened by the caller's first request): shared by every
/// instance through Redis (RedisRateLimiting's Lua script, one counter per caller), and per instance, in memory, while
/// Redis cannot answer — the limiter's store being away never fails or stalls a request. After a Redis failure the
/// shared budget is left alone for a few seconds, so a dead Redis costs one timeout, not one per request.
/// </summary>
public sealed partial class CallerRateLimiter : IAsyncDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan SharedPause = TimeSpan.FromSeconds(5);

    private readonly RateLimitOptions options;
    private readonly IConnectionMultiplexer? redis;
    private readonly PartitionedRateLimiter<string>? shared;
    private readonly PartitionedRateLimiter<string> local;
    private readonly TimeProvider clock;
    private readonly ILogger<CallerRateLimiter> logger;
    private long sharedPausedUntil;

    public CallerRateLimiter(RateLimitOptions options, CacheOptions cache, IServiceProvider services, TimeProvider clock, ILogger<CallerRateLimiter> logger)
    {
        this.options = options;
        this.clock = clock;
        this.logger = logger;
        var permits = Math.Max(1, options.PermitsPerMinute);
        local = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetFixedWindowLimiter(caller, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
        redis = services.GetService<IConnectionMultiplexer>();
        if (redis is not null)
        {
            var multiplexer = redis;
            // The cache prefix keeps environments that share a Redis on budgets of their own.
            shared = PartitionedRateLimiter.Create<string, string>(caller => RedisRateLimitPartition.GetFixedWindowRateLimiter($"{cache.Prefix}:{caller}", _ =>
                new RedisFixedWindowRateLimiterOptions { ConnectionMultiplexerFactory = () => multiplexer, PermitLimit = permits, Window = Window }));
        }
    }

    public bool Enabled => options.PermitsPerMinute > 0;

    /// <summary>Takes one request from the caller's budget.</summary>
    public async ValueTask<RateLimitDecision> AcquireAsync(string caller, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return RateLimitDecision.Allow;
        }

        if (shared is not null && redis!.IsConnected && clock.GetTimestamp() >= Interlocked.Read(ref sharedPausedUntil))
        {
            try
            {
                using var lease = await shared.AcquireAsync(caller, 1, cancellationToken);
                return Decision(lease);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Exchange(ref sharedPausedUntil, clock.GetTimestamp() + (long)(SharedPause.TotalSeconds * clock.TimestampFrequency));
                LogSharedFailed(logger, SharedPause.TotalSeconds, e);
            }
        }

        using var fallback = local.AttemptAcquire(caller);
        return Decision(fallback);
    }

    public async ValueTask DisposeAsync()
    {
        await local.DisposeAsync();
        if (shared is not null)
        {
            await shared.DisposeAsync();
        }
    }

    private static RateLimitDecision Decision(RateLimitLease lease)
    {
        if (lease.IsAcquired)
        {
            return RateLimitDecision.Allow;
        }

        // In-memory leases say TimeSpan, RedisRateLimiting's whole seconds.
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter.Name, out var retryAfter)
            ? retryAfter switch
            {
                TimeSpan span => (int)Math.Ceiling(span.TotalSeconds),
                int whole => whole,
                _ => (int)Window.TotalSeconds,
            }
            : (int)Window.TotalSeconds;
        return new RateLimitDecision(false, Math.Max(1, seconds));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared rate limit (Redis) failed; each instance limits on its own for {Seconds} s")]
    private static partial void LogSharedFailed(ILogger logger, double seconds, Exception error);
}
