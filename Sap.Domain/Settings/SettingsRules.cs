using Microsoft.Extensions.Options;

namespace Sap.Domain.Settings;

/// <summary>Collects what is wrong with an options object, each as <c>key: what is wrong</c>.</summary>
public sealed class SettingsRules(string sectionName)
{
    private readonly List<string> failures = [];

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public SettingsRules Between(string property, long value, long minimum, long maximum)
    {
        if (value < minimum || value > maximum)
        {
            failures.Add($"{sectionName}:{property}: must be from {minimum} to {maximum} (it is {value}).");
        }

        return this;
    }

    public SettingsRules Require(string property, bool holds, string rule)
    {
        if (!holds)
        {
            failures.Add($"{sectionName}:{property}: {rule}.");
        }

        return this;
    }

    public ValidateOptionsResult Result() => failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
