using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sap.Functions.Security;

/// <summary>Checks a bearer token's signature, algorithm, lifetime, issuer and audience, and reads its caller.</summary>
public sealed class TokenValidator(AuthOptions options, SigningKey key)
{
    private const string RolesClaim = "roles";

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    private readonly TokenValidationParameters parameters = new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKey = key.Key,
        ValidAlgorithms = [key.Algorithm],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    /// <summary>The caller of a valid token; null for anything else (missing, malformed, expired, wrongly signed …).</summary>
    public async Task<Caller?> ValidateAsync(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[Scheme.Length..].Trim();
        if (token.Length == 0 || token.Length > 8192)
        {
            return null;
        }

        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        var roles = jwt.Claims.Where(c => c.Type == RolesClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(jwt.Subject ?? "", roles);
    }
}
