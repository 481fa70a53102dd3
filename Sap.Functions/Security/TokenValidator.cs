using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sap.Functions.Security;

/// <summary>
/// Checks a bearer token's signature, algorithm, lifetime, issuer and audience, and reads its caller. A token that
/// passed is remembered until it expires, so a client's next requests skip the signature check (the same token
/// cannot become invalid before then; a token that failed is never remembered).
/// </summary>
public sealed class TokenValidator(AuthOptions options, SigningKey key, TimeProvider clock)
{
    private const string RolesClaim = "roles";
    private const int MaxRemembered = 10_000;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (Caller Caller, DateTime ValidTo)> passed = new(StringComparer.Ordinal);

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
        ClockSkew = ClockSkew,
        // The app's clock (TimeProvider), not the library's own reading of the system clock: one "now" for the whole app.
        LifetimeValidator = (notBefore, expires, _, _) => WithinLifetime(notBefore, expires, clock.GetUtcNow().UtcDateTime),
    };

    /// <summary>
    /// The caller of a valid token; null for anything else (missing, malformed, expired, wrongly signed, or a subject the
    /// audit cannot record).
    /// </summary>
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

        var now = clock.GetUtcNow().UtcDateTime;
        if (passed.TryGetValue(token, out var known))
        {
            if (now < known.ValidTo + ClockSkew)
            {
                return known.Caller;
            }

            passed.TryRemove(token, out _);
        }

        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        var subject = jwt.Subject ?? "";
        if (!Caller.IsRecordable(subject))
        {
            // Signed, but naming someone the audit could not record: refused like any token Sap cannot act on.
            return null;
        }

        var roles = jwt.Claims.Where(c => c.Type == RolesClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var caller = new Caller(subject, roles);
        if (passed.Count >= MaxRemembered)
        {
            passed.Clear();
        }

        passed[token] = (caller, jwt.ValidTo);
        return caller;
    }

    /// <summary>Expiry required; both bounds with <see cref="ClockSkew"/>.</summary>
    private static bool WithinLifetime(DateTime? notBefore, DateTime? expires, DateTime now) =>
        expires is { } validTo && now < validTo.ToUniversalTime() + ClockSkew
        && (notBefore is not { } validFrom || now + ClockSkew >= validFrom.ToUniversalTime());
}
