using Microsoft.Extensions.Configuration;
using Sap.Domain;

namespace Sap.Functions.Hosting;

/// <summary>
/// Under the Functions host, the settings its triggers need, checked before the worker serves anything. The host
/// resolves binding expressions and connections from its own settings, not from Sap's defaults, and a trigger whose
/// setting is missing is disabled with one log line while the rest of the app runs on (a queue that nobody reads, a
/// timer that never fires). So the worker refuses to start instead, naming the setting; the host then logs the
/// worker's exit with that line and serves nothing.
/// </summary>
internal static class FunctionsHostSettings
{
    /// <exception cref="InvalidSettingsException">A trigger's setting is missing or cannot serve it.</exception>
    public static void Check(IConfiguration configuration, FunctionCatalog catalog)
    {
        foreach (var setting in catalog.Settings)
        {
            var problem = setting.Kind switch
            {
                BindingSettingKind.Expression when string.IsNullOrWhiteSpace(configuration[setting.Key]) =>
                    $"missing: the Functions host resolves %{setting.Key}% in {setting.Function}'s {setting.Trigger} from its app settings " +
                    $"and disables the function without it; set {EnvironmentName(setting.Key)}",
                BindingSettingKind.Connection when !HasConnection(configuration, setting.Key) =>
                    $"missing: {setting.Function}'s {setting.Trigger} reads this Storage account; set it to its connection string",
                BindingSettingKind.BlobLease when LacksBlobEndpoint(configuration[setting.Key]) =>
                    $"names a Queue endpoint but no BlobEndpoint: {setting.Function}'s {setting.Trigger} keeps its lock as a blob lease " +
                    "in this account, so its Blob service is needed too (locally: azurite-blob)",
                _ => null,
            };
            if (problem is not null)
            {
                throw new InvalidSettingsException($"{setting.Key}: {problem}.");
            }
        }
    }

    private static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>A connection string, or the identity-based form (<c>AzureWebJobsStorage__queueServiceUri</c> …).</summary>
    private static bool HasConnection(IConfiguration configuration, string key) =>
        !string.IsNullOrWhiteSpace(configuration[key]) || configuration.GetSection(key).GetChildren().Any();

    /// <summary>
    /// A connection string that spells out its service endpoints but not the Blob one: the Storage SDK then aims blob
    /// calls at the public cloud's <c>{account}.blob.core.windows.net</c>, which an emulator's account does not have.
    /// Account-name strings (endpoints derived) and the development shortcut reach every service.
    /// </summary>
    private static bool LacksBlobEndpoint(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        var keys = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)[0])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return keys.Overlaps(["QueueEndpoint", "TableEndpoint", "FileEndpoint"]) && !keys.Contains("BlobEndpoint");
    }
}
