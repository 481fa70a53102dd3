using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Sap.Domain.Settings;

namespace Sap.Functions.Events;

public sealed partial class EventsOptionsValidator : IValidateOptions<EventsOptions>
{
    public ValidateOptionsResult Validate(string? name, EventsOptions options) =>
        new SettingsRules(EventsOptions.SectionName)
            .Require(nameof(EventsOptions.Queue), QueueName().IsMatch(options.Queue ?? "") && !(options.Queue ?? "").Contains("--", StringComparison.Ordinal),
                "must be a Storage queue name: 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit")
            .Between(nameof(EventsOptions.SweepSeconds), options.SweepSeconds, 1, 3600)
            .Result();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueName();
}
