using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sap.Functions.Security;

/// <summary>Signs tokens with the configured symmetric key: the self-host's dev token, and tests.</summary>
public sealed class TokenIssuer(AuthOptions options, SigningKey key, TimeProvider clock)
{
    public string Issue(string subject, IEnumerable<string> roles, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = roles.ToArray() };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key.Key, key.Algorithm),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
