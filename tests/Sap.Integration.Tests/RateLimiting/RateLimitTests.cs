using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Sap.Integration.Tests.RateLimiting;

/// <summary>
/// SPEC §6: each caller has a budget of requests per minute, shared by every instance through Redis; over it, a 429
/// problem with Retry-After, counted like any answer; other callers and the probes are untouched; without Redis every
/// request is still answered (200 or 429, never 5xx).
/// </summary>
public sealed class RateLimitTests(PostgresServer postgres, EventStack stack) : IClassFixture<EventStack>
{
    private static readonly Dictionary<string, string> ThirtyPerMinute = new() { ["Sap:RateLimit:PermitsPerMinute"] = "30" };

    [Fact]
    public async Task Over_its_budget_a_caller_gets_429_with_retry_after_while_another_caller_and_the_probes_are_untouched()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        await using var app = await stack.StartAppAsync(db, EventStack.NewDeployment(), ThirtyPerMinute);
        var greedy = app.Tokens.Create(["VENDEDOR"], subject: "vendedor-apressado");
        var other = app.Tokens.Create(["VENDEDOR"], subject: "vendedor-calmo");

        var answers = new List<ApiResponse>();
        for (var i = 0; i < 40; i++)
        {
            answers.Add(await Get(app, "api/vendedor/dashboard", greedy));
        }

        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(refused.Count >= 10, $"{refused.Count} of 40 refused");
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, a.ToString()));
        Assert.All(refused, a =>
        {
            Assert.Equal("application/problem+json", a.MediaType);
            Assert.EndsWith("rate-limited", a.Json.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.InRange(int.Parse(a.Headers["Retry-After"], CultureInfo.InvariantCulture), 1, 60);
        });
        Assert.Equal(HttpStatusCode.OK, (await Get(app, "api/vendedor/dashboard", other)).Status);
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("api/health")).Status);
        }

        var metrics = (await app.GetAsync("api/metrics", "ADMIN")).Body;
        var counted = metrics.Split('\n').Where(l => l.StartsWith("http_requests_total{", StringComparison.Ordinal) && l.Contains("status=\"429\"", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
        Assert.Equal(refused.Count, counted);
    }

    [Fact]
    public async Task Two_instances_on_one_redis_share_a_callers_budget()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var deployment = EventStack.NewDeployment();
        await using var a = await stack.StartAppAsync(db, deployment, ThirtyPerMinute);
        await using var b = await stack.StartAppAsync(db, deployment, new Dictionary<string, string>(ThirtyPerMinute) { ["Sap:Auth:SigningKey"] = a.Tokens.SigningKeyBase64 });
        var token = a.Tokens.Create(["VENDEDOR"], subject: "vendedor-de-dois-balcoes");
        // Until an instance has reached Redis it counts on its own (by design); the budget is shared from then on.
        await Eventually.HoldsAsync(() => Task.FromResult(new[] { a, b }.All(app => app.Services.GetRequiredService<IConnectionMultiplexer>().IsConnected)),
            "an instance never connected to Redis");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await Get(a, "api/vendedor/dashboard", token)).Status);
            statuses.Add((await Get(b, "api/vendedor/dashboard", token)).Status);
        }

        // Each instance alone would let all 20 of its own through.
        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task With_redis_stopped_every_request_is_still_answered_and_limited_per_instance()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        await using var app = await stack.StartAppAsync(db, EventStack.NewDeployment(), ThirtyPerMinute);
        var token = app.Tokens.Create(["VENDEDOR"], subject: "vendedor-sem-redis");
        Assert.Equal(HttpStatusCode.OK, (await Get(app, "api/vendedor/dashboard", token)).Status);

        await stack.Redis.StopAsync();
        try
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 40; i++)
            {
                statuses.Add((await Get(app, "api/vendedor/dashboard", token)).Status);
            }

            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"{(int)s}"));
            Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        }
        finally
        {
            await stack.Redis.StartAsync();
        }
    }

    private static Task<ApiResponse> Get(SapApp app, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return app.SendAsync(request);
    }
}
