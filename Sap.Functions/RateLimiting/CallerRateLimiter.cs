using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sap.Functions.Caching;
using StackExchange.Redis;

namespace Sap.Functions.RateLimiting;

/// <summary>
/// Each caller's budget of requests per minute (fixed windows, opened by the caller's first request): shared by every
/// instance through Redis (one counter per caller, counted and expired by a Lua script on Redis' own clock), and per
/// instance, in memory (System.Threading.RateLimiting), while Redis cannot answer — the limiter's store being away
/// never fails or stalls a request. After a Redis failure the shared budget is left alone for a few seconds, so a dead
/// Redis costs one timeout, not one per request.
/// </summary>
/// <remarks>
/// The window is Redis' relative expiry (PEXPIRE), never an instant from the instance: RedisRateLimiting, used first,
/// sets its window's end with EXPIREAT from the instance's clock, so an instance a minute off Redis' clock let every
/// caller through (ADR 11).
/// </remarks>
public sealed partial class CallerRateLimiter : IAsyncDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan SharedPause = TimeSpan.FromSeconds(5);

    // One round trip: the caller's count in this window, and how long the window has left (ms).
    private static readonly LuaScript Count = LuaScript.Prepare("""
        local n = redis.call('INCR', @key)
        local ttl = redis.call('PTTL', @key)
        if n == 1 or ttl < 0 then
          redis.call('PEXPIRE', @key, @window)
          ttl = tonumber(@window)
        end
        return {n, ttl}
        """);

    private readonly RateLimitOptions options;
    private readonly IConnectionMultiplexer? redis;
    private readonly string prefix;
    private readonly int permits;
    private readonly PartitionedRateLimiter<string> local;
    private readonly TimeProvider clock;
    private readonly ILogger<CallerRateLimiter> logger;
    private long sharedPausedUntil;

    public CallerRateLimiter(RateLimitOptions options, CacheOptions cache, IServiceProvider services, TimeProvider clock, ILogger<CallerRateLimiter> logger)
    {
        this.options = options;
        this.clock = clock;
        this.logger = logger;
        permits = Math.Max(1, options.PermitsPerMinute);
        local = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetFixedWindowLimiter(caller, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
        redis = services.GetService<IConnectionMultiplexer>();
        // The cache prefix keeps environments that share a Redis on budgets of their own.
        prefix = cache.Prefix + ":rate:";
    }

    public bool Enabled => options.PermitsPerMinute > 0;

    /// <summary>Takes one request from the caller's budget.</summary>
    public async ValueTask<RateLimitDecision> AcquireAsync(string caller, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return RateLimitDecision.Allow;
        }

        if (redis is not null && redis.IsConnected && clock.GetTimestamp() >= Interlocked.Read(ref sharedPausedUntil))
        {
            try
            {
                var counted = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Count, new
                {
                    key = (RedisKey)(prefix + caller),
                    window = (long)Window.TotalMilliseconds,
                }))!;
                var (count, leftMs) = ((long)counted[0], (long)counted[1]);
                return count <= permits ? RateLimitDecision.Allow : new RateLimitDecision(false, Math.Max(1, (int)Math.Ceiling(leftMs / 1000.0)));
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

    public ValueTask DisposeAsync() => local.DisposeAsync();

    private static RateLimitDecision Decision(RateLimitLease lease)
    {
        if (lease.IsAcquired)
        {
            return RateLimitDecision.Allow;
        }

        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : (int)Window.TotalSeconds;
        return new RateLimitDecision(false, Math.Max(1, seconds));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared rate limit (Redis) failed; each instance limits on its own for {Seconds} s")]
    private static partial void LogSharedFailed(ILogger logger, double seconds, Exception error);
}
