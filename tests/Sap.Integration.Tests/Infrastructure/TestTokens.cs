using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>
/// Tokens minted by the tests with their own key (the app is given the same key through its settings), dated by the
/// clock of the app they are for: <see cref="TestClock"/> for an app in the test process, the real one for a process.
/// </summary>
public sealed class TestTokens(TimeProvider? clock = null)
{
    public const string Issuer = "sap-tests";
    public const string Audience = "sap-api-tests";

    public string SigningKeyBase64 { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Now, as the app these tokens are for sees it.</summary>
    public DateTime Now => (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;

    public string For(params string[] roles) => Create(roles: roles);

    public string Create(
        string[]? roles = null,
        string issuer = Issuer,
        string audience = Audience,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string? keyBase64 = null,
        bool includeRoles = true,
        string? subject = "test-user")
    {
        var now = Now;
        var claims = new Dictionary<string, object>();
        if (subject is not null)
        {
            claims["sub"] = subject;
        }

        if (includeRoles)
        {
            claims["roles"] = roles ?? [];
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = (notBefore ?? now).AddSeconds(-1),
            NotBefore = notBefore ?? now.AddSeconds(-1),
            Expires = expires ?? now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(keyBase64 ?? SigningKeyBase64)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>The kinds of Authorization header <see cref="BadAuthorization"/> makes; each must get a 401.</summary>
    public static IReadOnlyList<string> BadKinds { get; } =
    [
        "missing", "empty", "not-bearer", "malformed", "alg-none", "wrong-key", "expired", "not-yet-valid", "wrong-issuer",
        "wrong-audience", "tampered",
    ];

    /// <summary>An Authorization header value (null: none) that carries ADMIN, or claims to, and must be refused.</summary>
    public string? BadAuthorization(string kind)
    {
        var now = Now;
        return kind switch
        {
            "missing" => null,
            "empty" => "Bearer ",
            "not-bearer" => "Basic YWRtaW46YWRtaW4=",
            "malformed" => "Bearer a.b.c",
            "alg-none" => "Bearer " + AlgNone(),
            "wrong-key" => "Bearer " + Create(["ADMIN"], keyBase64: Convert.ToBase64String(new byte[32])),
            "expired" => "Bearer " + Create(["ADMIN"], expires: now.AddMinutes(-5), notBefore: now.AddMinutes(-30)),
            "not-yet-valid" => "Bearer " + Create(["ADMIN"], notBefore: now.AddMinutes(10), expires: now.AddMinutes(30)),
            "wrong-issuer" => "Bearer " + Create(["ADMIN"], issuer: "someone-else"),
            "wrong-audience" => "Bearer " + Create(["ADMIN"], audience: "another-api"),
            "tampered" => "Bearer " + Tamper(For("VENDEDOR")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>An unsigned token ("alg":"none") carrying ADMIN: must never be accepted.</summary>
    public static string AlgNone()
    {
        static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return $"{B64("""{"alg":"none","typ":"JWT"}""")}.{B64($$"""{"sub":"x","roles":["ADMIN"],"iss":"{{Issuer}}","aud":"{{Audience}}","exp":{{exp}}}""")}.";
    }

    /// <summary>Changes the payload (ADMIN instead of VENDEDOR) and keeps the old signature.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        parts[1] = Base64UrlEncoder.Encode(payload.Replace("VENDEDOR", "ADMIN", StringComparison.Ordinal));
        return string.Join('.', parts);
    }
}
