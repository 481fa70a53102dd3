using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Sap.Domain;

namespace Sap.Functions.Security;

/// <summary>
/// The key tokens are checked with, from <see cref="AuthOptions"/>. There are no default credentials: outside
/// Development a missing or short key stops start-up; in Development a missing key becomes a random one, good
/// only for this process (<see cref="IsEphemeral"/>), with which the self-host signs a short-lived dev token.
/// </summary>
public sealed class SigningKey
{
    public const int MinimumBytes = 32;

    private SigningKey(SecurityKey key, string algorithm, bool isEphemeral)
    {
        Key = key;
        Algorithm = algorithm;
        IsEphemeral = isEphemeral;
    }

    public SecurityKey Key { get; }

    /// <summary>The one algorithm tokens may use (HS256 or RS256): "none" and algorithm swaps are refused.</summary>
    public string Algorithm { get; }

    public bool IsEphemeral { get; }

    /// <exception cref="InvalidSettingsException">The key is missing outside Development, not base64, too short, or not a PEM key.</exception>
    public static SigningKey From(AuthOptions options, bool isDevelopment)
    {
        if (!string.IsNullOrWhiteSpace(options.PublicKeyPem))
        {
            var rsa = RSA.Create();
            try
            {
                rsa.ImportFromPem(options.PublicKeyPem);
            }
            catch (ArgumentException e)
            {
                rsa.Dispose();
                throw new InvalidSettingsException("Sap:Auth:PublicKeyPem: not a PEM-encoded RSA public key.", e);
            }

            return new SigningKey(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256, isEphemeral: false);
        }

        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return isDevelopment
                ? new SigningKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(MinimumBytes)), SecurityAlgorithms.HmacSha256, isEphemeral: true)
                : throw new InvalidSettingsException(
                    "Sap:Auth:SigningKey: required outside Development (base64, at least 32 bytes), unless Sap:Auth:PublicKeyPem is set.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(options.SigningKey.Trim());
        }
        catch (FormatException e)
        {
            throw new InvalidSettingsException("Sap:Auth:SigningKey: not base64.", e);
        }

        return bytes.Length < MinimumBytes
            ? throw new InvalidSettingsException($"Sap:Auth:SigningKey: must hold at least {MinimumBytes} bytes (it holds {bytes.Length}).")
            : new SigningKey(new SymmetricSecurityKey(bytes), SecurityAlgorithms.HmacSha256, isEphemeral: false);
    }
}
