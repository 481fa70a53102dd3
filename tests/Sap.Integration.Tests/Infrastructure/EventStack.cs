using Microsoft.Extensions.DependencyInjection;
using Sap.Domain.Data;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>Redis and Azurite of a test class's own (so fault tests can stop them), and apps wired to them.</summary>
public sealed class EventStack : IAsyncLifetime
{
    public RedisServer Redis { get; } = new();

    public AzuriteServer Azurite { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Redis.InitializeAsync();
        await Azurite.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Redis.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    /// <summary>The settings of one deployment: its database, this Redis and queue, a cache prefix and queue of its own.</summary>
    public Dictionary<string, string> Settings(string deployment, IDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = Redis.ConnectionString,
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Sap:Events:Queue"] = $"ev-{deployment}",
            ["Sap:Cache:Prefix"] = $"t{deployment}",
            ["Sap:Events:SweepSeconds"] = "1",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public Task<SapApp> StartAppAsync(DatabaseSettings db, string deployment, IDictionary<string, string>? extra = null, Action<IServiceCollection>? services = null) =>
        SapApp.StartAsync(db, Settings(deployment, extra), services);

    public static string NewDeployment() => Guid.NewGuid().ToString("N")[..12];
}
