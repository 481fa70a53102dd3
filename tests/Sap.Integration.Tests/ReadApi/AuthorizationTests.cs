using System.Net;
using System.Net.Http.Headers;

namespace Sap.Integration.Tests.ReadApi;

/// <summary>SPEC §3 and §6: who may call each route, and which tokens are refused.</summary>
public sealed class AuthorizationTests(PostgresServer postgres) : IAsyncLifetime
{
    // The roles SPEC §3 gives each read route (ADMIN may do everything).
    private static readonly (string Path, string[] Roles)[] Routes =
    [
        ("api/vendedor/dashboard", ["ADMIN", "VENDEDOR", "FINANCEIRO"]),
        ("api/vendedor/rankings", ["ADMIN", "VENDEDOR", "FINANCEIRO"]),
        ("api/vendedor/clientes/1", ["ADMIN", "VENDEDOR", "FINANCEIRO"]),
        ("api/vendedor/clientes?periodo=todos", ["ADMIN", "VENDEDOR", "FINANCEIRO"]),
        ("api/vendedor/clientes/1/produtos", ["ADMIN", "VENDEDOR", "FINANCEIRO"]),
        ("api/vendedor/clientes/busca?q=bar", ["ADMIN", "VENDEDOR", "FINANCEIRO"]),
        ("api/apuracao", ["ADMIN", "FINANCEIRO"]),
    ];

    private static readonly string?[] Callers = [null, "bad-token", "ADMIN", "FINANCEIRO", "VENDEDOR", "LOGISTICA"];

    private SapApp app = null!;

    public static TheoryData<string, string?, int> Matrix()
    {
        var data = new TheoryData<string, string?, int>();
        foreach (var (path, roles) in Routes)
        {
            foreach (var caller in Callers)
            {
                var expected = caller switch
                {
                    null or "bad-token" => 401,
                    _ when roles.Contains(caller) => 200,
                    _ => 403,
                };
                data.Add(path, caller, expected);
            }
        }

        foreach (var caller in Callers)
        {
            data.Add("api/health", caller, 200);
        }

        return data;
    }

    public async ValueTask InitializeAsync()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        await seed.ClienteAsync("Bar do Teste");
        app = await SapApp.StartAsync(db);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_what_the_spec_gives_it(string path, string? caller, int expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (caller is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller == "bad-token" ? "bad-token" : app.Tokens.For(caller));
        }

        var response = await app.SendAsync(request);

        Assert.True((int)response.Status == expected, $"{caller ?? "anonymous"} on {path}: {response}");
        if (expected == 401)
        {
            Assert.Equal("Bearer", response.Headers["WWW-Authenticate"]);
            Assert.Equal("application/problem+json", response.MediaType);
            Assert.Equal(0, response.SqlCommands); // refused before any work
        }

        if (expected == 403)
        {
            Assert.Equal("application/problem+json", response.MediaType);
            Assert.Equal(0, response.SqlCommands);
        }
    }

    public static TheoryData<string> BadTokens() => [.. TestTokens.BadKinds];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_401_with_a_bearer_challenge(string kind)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/vendedor/dashboard");
        if (app.Tokens.BadAuthorization(kind) is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await app.SendAsync(request);

        Assert.True(response.Status == HttpStatusCode.Unauthorized, $"{kind}: {response}");
        Assert.Equal("Bearer", response.Headers["WWW-Authenticate"]);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(0, response.SqlCommands);
    }

    [Fact]
    public async Task A_valid_token_without_roles_is_403()
    {
        foreach (var token in new[] { app.Tokens.Create(includeRoles: false), app.Tokens.Create(roles: []), app.Tokens.For("GERENTE") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/vendedor/dashboard");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

            var response = await app.SendAsync(request);

            Assert.Equal(HttpStatusCode.Forbidden, response.Status);
            Assert.Equal("application/problem+json", response.MediaType);
            Assert.False(response.Headers.ContainsKey("WWW-Authenticate"), response.ToString());
        }
    }

    [Fact]
    public async Task Roles_may_come_as_a_single_string()
    {
        // A "roles" claim that is a plain string rather than an array.
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var token = handler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = TestTokens.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "u", ["roles"] = "FINANCEIRO" },
            IssuedAt = app.Tokens.Now,
            NotBefore = app.Tokens.Now,
            Expires = app.Tokens.Now.AddMinutes(5),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Convert.FromBase64String(app.Tokens.SigningKeyBase64)), "HS256"),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/apuracao");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await app.SendAsync(request)).Status);
    }
}
