using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sap.Functions.Hosting;

/// <summary>
/// A setting a trigger depends on, as functions.metadata names it: a binding expression (<c>%Sap:Events:Queue%</c>)
/// or a connection (<c>AzureWebJobsStorage</c>), and whether the binding keeps a blob lease on that connection (a
/// timer trigger's singleton lock).
/// </summary>
public sealed partial record BindingSetting(string Function, string Trigger, string Key, BindingSettingKind Kind)
{
    /// <summary>The connection a Storage trigger uses when it names none, and where timers keep their locks.</summary>
    public const string DefaultStorage = "AzureWebJobsStorage";

    public static IEnumerable<BindingSetting> Of(string function, JsonElement binding)
    {
        var type = binding.GetProperty("type").GetString() ?? "";
        foreach (var property in binding.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
        {
            foreach (Match expression in Expression().Matches(property.Value.GetString()!))
            {
                yield return new BindingSetting(function, type, expression.Groups[1].Value, BindingSettingKind.Expression);
            }
        }

        var connection = binding.TryGetProperty("connection", out var c) && c.GetString() is { Length: > 0 } named ? named : null;
        if (type is "queueTrigger" or "queue" or "blobTrigger" or "blob")
        {
            yield return new BindingSetting(function, type, connection ?? DefaultStorage, BindingSettingKind.Connection);
        }
        else if (type == "timerTrigger")
        {
            yield return new BindingSetting(function, type, DefaultStorage, BindingSettingKind.BlobLease);
        }
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Expression();
}
