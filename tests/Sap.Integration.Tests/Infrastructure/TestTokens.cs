using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>Tokens minted by the tests with their own key (the app is given the same key through its settings).</summary>
public sealed class TestTokens
{
    public const string Issuer = "sap-tests";
    public const string Audience = "sap-api-tests";

    public string SigningKeyBase64 { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string For(params string[] roles) => Create(roles: roles);

    public string Create(
        string[]? roles = null,
        string issuer = Issuer,
        string audience = Audience,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string? keyBase64 = null,
        bool includeRoles = true)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = "test-user" };
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

    /// <summary>An unsigned token ("alg":"none") carrying ADMIN: must never be accepted.</summary>
    public static string AlgNone()
    {
        static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return $"{B64("""{"alg":"none","typ":"JWT"}""")}.{B64($$"""{"sub":"x","roles":["ADMIN"],"iss":"{{Issuer}}","aud":"{{Audience}}","exp":{{exp}}}""")}.";
    }
}
