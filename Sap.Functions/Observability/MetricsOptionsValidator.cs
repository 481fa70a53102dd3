using Microsoft.Extensions.Options;
using Sap.Domain.Settings;

namespace Sap.Functions.Observability;

public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options) =>
        new SettingsRules(MetricsOptions.SectionName)
            .Require(nameof(MetricsOptions.ScrapeToken), string.IsNullOrEmpty(options.ScrapeToken) || options.ScrapeToken.Trim().Length >= MetricsOptions.MinimumTokenLength,
                $"must hold at least {MetricsOptions.MinimumTokenLength} characters, or be left out")
            .Result();
}
