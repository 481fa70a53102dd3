namespace Sap.Functions.Security;

/// <summary>Settings <c>Sap:Auth:*</c>: how bearer tokens are validated.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Sap:Auth";

    public string Issuer { get; set; } = "sap";

    public string Audience { get; set; } = "sap-api";

    /// <summary>HS256 key, base64, at least 32 bytes.</summary>
    public string? SigningKey { get; set; }

    /// <summary>RS256 public key (PEM); takes the place of <see cref="SigningKey"/>.</summary>
    public string? PublicKeyPem { get; set; }
}
