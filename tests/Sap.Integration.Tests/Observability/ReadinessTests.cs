using System.Net;
using Sap.Domain.Data;

namespace Sap.Integration.Tests.Observability;

/// <summary>/api/ready: the database is required, the cache and the queue only degrade the service.</summary>
public sealed class ReadinessTests(PostgresServer postgres, EventStack stack) : IClassFixture<EventStack>
{
    [Fact]
    public async Task Ready_with_everything_up_degraded_without_redis_unavailable_without_the_database()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        await using var app = await stack.StartAppAsync(db, EventStack.NewDeployment());

        var up = await app.GetAsync("api/ready");
        Assert.Equal(HttpStatusCode.OK, up.Status);
        Assert.Equal("ready", up.Json.GetProperty("status").GetString());
        Assert.Equal("up", up.Json.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("up", up.Json.GetProperty("cache").GetProperty("status").GetString());
        Assert.Equal("up", up.Json.GetProperty("queue").GetProperty("status").GetString());

        await stack.Redis.StopAsync();
        try
        {
            var degraded = await app.GetAsync("api/ready");
            Assert.Equal(HttpStatusCode.OK, degraded.Status);
            Assert.Equal("degraded", degraded.Json.GetProperty("status").GetString());
            Assert.Equal("down", degraded.Json.GetProperty("cache").GetProperty("status").GetString());
        }
        finally
        {
            await stack.Redis.StartAsync();
        }

        // A PostgreSQL that is not there (its port closed): the instance must not take traffic.
        var gone = new DatabaseSettings(DatabaseProvider.Postgres, $"Host=127.0.0.1;Port={FreePort.Next()};Database=sap;Username=sap;Timeout=2");
        await using var orphan = await stack.StartAppAsync(gone, EventStack.NewDeployment());
        var unavailable = await orphan.GetAsync("api/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.Status);
        Assert.Equal("unavailable", unavailable.Json.GetProperty("status").GetString());
        Assert.Equal("down", unavailable.Json.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("5", unavailable.Headers["Retry-After"]);
        Assert.Equal(HttpStatusCode.OK, (await orphan.GetAsync("api/health")).Status);

        // And a read needing that database is a 503 problem with Retry-After, not a 500.
        var read = await orphan.GetAsync("api/vendedor/dashboard", "ADMIN");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.Status);
        Assert.Equal("application/problem+json", read.MediaType);
        Assert.Equal("5", read.Headers["Retry-After"]);
    }
}
