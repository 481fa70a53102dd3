using Sap.Domain.Data;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>How the tests configure Sap started as a process: environment variables, as a deployment's app settings are.</summary>
public static class DeploymentEnvironment
{
    /// <summary>
    /// Production settings for this database, signed by these tokens' key, quiet below Warning, no rate limit; then the settings given
    /// (<c>Section:Key</c> becomes <c>Section__Key</c>), where an empty value removes the variable (a setting left out).
    /// </summary>
    public static void Apply(IDictionary<string, string?> environment, DatabaseSettings db, TestTokens tokens, IDictionary<string, string> settings)
    {
        environment["Sap__Database__Provider"] = db.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        environment["ConnectionStrings__Sap"] = db.ConnectionString;
        environment["Sap__Auth__SigningKey"] = tokens.SigningKeyBase64;
        environment["Sap__Auth__Issuer"] = TestTokens.Issuer;
        environment["Sap__Auth__Audience"] = TestTokens.Audience;
        environment["Logging__LogLevel__Default"] = "Warning";
        // One test token makes thousands of requests; the rate limit has tests of its own, which set it.
        environment["Sap__RateLimit__PermitsPerMinute"] = "0";
        foreach (var (key, value) in settings)
        {
            var name = key.Replace(":", "__", StringComparison.Ordinal);
            if (value.Length == 0)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }
    }
}
