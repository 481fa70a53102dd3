using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sap.Domain.Data;
using Sap.Functions.Hosting;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>
/// Sap.Functions' self-host started in the test process on a free loopback port, driven over real HTTP,
/// configured only through its settings (as a deployment would be), plus a SQL command counter; its clock is the
/// run's <see cref="TestClock"/>.
/// </summary>
public sealed class SapApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private SapApp(WebApplication app, Uri baseAddress, TestTokens tokens, SqlCommandCounter counter, DatabaseSettings database)
    {
        this.app = app;
        Tokens = tokens;
        Sql = counter;
        Database = database;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public TestTokens Tokens { get; }

    public SqlCommandCounter Sql { get; }

    public DatabaseSettings Database { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<SapApp> StartAsync(
        DatabaseSettings database, IDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var tokens = new TestTokens(TestClock.Run);
        var port = FreePort.Next();
        var all = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Sap:Database:Provider"] = database.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:Sap"] = database.ConnectionString,
            ["Sap:Auth:SigningKey"] = tokens.SigningKeyBase64,
            ["Sap:Auth:Issuer"] = TestTokens.Issuer,
            ["Sap:Auth:Audience"] = TestTokens.Audience,
            ["Logging:LogLevel:Default"] = "Warning",
            // One test token makes thousands of requests; the rate limit has tests of its own, which set it.
            ["Sap:RateLimit:PermitsPerMinute"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        SqlCommandCounter? counter = null;
        var app = SelfHost.Build([.. all.Select(kv => $"--{kv.Key}={kv.Value}")], builder =>
        {
            builder.Services.AddHttpContextAccessor();
            builder.Services.AddSingleton<SqlCommandCounter>();
            builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SqlCommandCounter>());
            builder.Services.AddSingleton<TimeProvider>(TestClock.Run);
            services?.Invoke(builder.Services);
        });
        counter = app.Services.GetRequiredService<SqlCommandCounter>();
        await app.StartAsync();
        return new SapApp(app, new Uri($"http://127.0.0.1:{port}/"), tokens, counter, database);
    }

    /// <summary>GET with a token for the given roles (none: no Authorization header) and a fresh request id.</summary>
    public async Task<ApiResponse> GetAsync(string path, params string[] roles)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (roles.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(roles));
        }

        return await SendAsync(request);
    }

    /// <summary>A write (or any call) with a JSON body, as the given roles.</summary>
    public async Task<ApiResponse> SendJsonAsync(
        HttpMethod method, string path, string? json, string[] roles, string? idempotencyKey = null, string? authorization = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        else if (roles.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(roles));
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await SendAsync(request);
    }

    public Task<ApiResponse> PostAsync(string path, string? json, params string[] roles) => SendJsonAsync(HttpMethod.Post, path, json, roles);

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        var requestId = request.Headers.TryGetValues("X-Request-ID", out var given) ? given.First() : "t" + Guid.NewGuid().ToString("N");
        request.Headers.TryAddWithoutValidation("X-Request-ID", requestId);
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, body, response.Content.Headers.ContentType?.MediaType,
            response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            requestId, Sql.For(requestId));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
