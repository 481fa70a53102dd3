using System.Text.RegularExpressions;

namespace Sap.Functions.Observability;

/// <summary>
/// Takes secrets out of text before it is logged: the configured signing key and scrape token wherever they appear,
/// bearer tokens and anything shaped like a JWT, and passwords in connection strings — in messages, properties and
/// exception texts alike.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";

    private readonly string[] secrets;

    public SecretRedactor(IEnumerable<string?> secrets) =>
        this.secrets = [.. secrets.Where(s => !string.IsNullOrWhiteSpace(s) && s.Length >= 6).Select(s => s!).Distinct(StringComparer.Ordinal)];

    public string Redact(string text)
    {
        if (text.Length == 0 || !MayHoldSecret(text))
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = BearerToken().Replace(text, "Bearer " + Mask);
        text = Jwt().Replace(text, Mask);
        return Password().Replace(text, m => m.Groups["key"].Value + "=" + Mask);
    }

    /// <summary>
    /// Whether anything below could match: every line's texts pass through here, and nearly all of them (ids, paths,
    /// "request completed") hold none of a bearer scheme, a JWT's header, a key=value pair or a configured secret.
    /// </summary>
    private bool MayHoldSecret(string text)
    {
        if (text.Contains('=', StringComparison.Ordinal) || text.Contains("eyJ", StringComparison.Ordinal)
            || text.Contains("bearer", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9\-_\.=+/]+", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"eyJ[A-Za-z0-9\-_]*\.[A-Za-z0-9\-_]*\.[A-Za-z0-9\-_]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<key>password|pwd|accountkey|sharedaccesssignature|signingkey|scrapetoken)\s*=\s*[^;""'\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex Password();
}
