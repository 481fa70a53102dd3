using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sap.Domain;
using Sap.Domain.Settings;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace Sap.Functions.Caching;

public static class CacheHostingExtensions
{
    public const string RedisConnectionName = "Redis";

    /// <summary>
    /// The read cache: FusionCache with L1 in memory, and with <c>ConnectionStrings:Redis</c> an L2 on Redis and a
    /// Redis backplane that keeps every instance's L1 coherent. Redis calls time out fast and a circuit breaker
    /// stops calling a dead Redis for a while, so reads fall through to the database instead of waiting.
    /// </summary>
    public static IHostApplicationBuilder AddSapCache(this IHostApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<CacheOptions, CacheOptionsValidator>(CacheOptions.SectionName);
        builder.Services.AddSingleton<CacheStats>();
        builder.Services.TryAddSingleton<IReadComputationHook, NoHook>();
        builder.Services.TryAddSingleton<IInvalidationHook, NoHook>();
        builder.Services.AddSingleton<SharedCacheState>();
        // Our own L1, so that it can be emptied when Redis comes back (SharedCacheState): what the backplane said meanwhile is lost.
        builder.Services.AddSingleton(_ => new MemoryCache(new MemoryCacheOptions()));
        builder.Services.AddSingleton<HotEntries>();
        builder.Services.AddSingleton<RefreshQueue>();
        builder.Services.AddSingleton<ReadCache>();
        builder.Services.AddHostedService<CacheRefresher>();

        var fusion = builder.Services.AddFusionCache()
            .WithMemoryCache(sp => sp.GetRequiredService<MemoryCache>())
            .WithCacheKeyPrefix(options.Prefix + ":")
            .WithOptions(o =>
            {
                o.BackplaneChannelPrefix = options.Prefix;
                // Short: an invalidation waits for Redis to be tried again once it is back (CacheRefresher).
                o.DistributedCacheCircuitBreakerDuration = TimeSpan.FromSeconds(1);
                o.BackplaneCircuitBreakerDuration = TimeSpan.FromSeconds(1);
                o.WaitForInitialBackplaneSubscribe = false;
                o.AutoRecoveryDelay = TimeSpan.FromSeconds(1);
            })
            .WithDefaultEntryOptions(o =>
            {
                o.IsFailSafeEnabled = false;
                o.DistributedCacheSoftTimeout = TimeSpan.FromMilliseconds(100);
                o.DistributedCacheHardTimeout = TimeSpan.FromMilliseconds(300);
                o.AllowBackgroundDistributedCacheOperations = true;
                o.AllowBackgroundBackplaneOperations = true;
                o.JitterMaxDuration = TimeSpan.FromSeconds(5);
            });

        var redis = builder.Configuration.GetConnectionString(RedisConnectionName);
        if (!string.IsNullOrWhiteSpace(redis))
        {
            ConfigurationOptions configuration;
            try
            {
                configuration = ConfigurationOptions.Parse(redis);
            }
            catch (ArgumentException e)
            {
                throw new InvalidSettingsException($"ConnectionStrings:{RedisConnectionName}: not a StackExchange.Redis configuration string (host:port,password=…,ssl=true).", e);
            }

            configuration.AbortOnConnectFail = false;
            configuration.ConnectTimeout = 1000;
            configuration.SyncTimeout = 500;
            configuration.AsyncTimeout = 500;
            configuration.ReconnectRetryPolicy = new LinearRetry(500);
            // The client's own I/O threads spin while they wait for work: measured at a tenth of the app's CPU under a write
            // load on two cores (ADR 12). The shared thread pool serves the same traffic without spinning.
            configuration.SocketManager = SocketManager.ThreadPool;
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
            fusion
                .WithSerializer(new FusionCacheSystemTextJsonSerializer(
                    // What FusionCache checks for at start (value tuples need fields); CachedResponse has none.
                    new System.Text.Json.JsonSerializerOptions { IncludeFields = true }))
                .WithDistributedCache(sp => new RedisCache(new RedisCacheOptions
                {
                    InstanceName = options.Prefix + ":",
                    ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()),
                }))
                .WithBackplane(sp => new RedisBackplane(new RedisBackplaneOptions
                {
                    ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()),
                }));
        }

        return builder;
    }

    private sealed class NoHook : IReadComputationHook, IInvalidationHook
    {
        public Task ComputedAsync(string key, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RemovingAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
