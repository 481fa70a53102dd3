using Microsoft.Extensions.Options;
using Sap.Domain.Settings;

namespace Sap.Functions.RateLimiting;

public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options) =>
        new SettingsRules(RateLimitOptions.SectionName)
            .Between(nameof(RateLimitOptions.PermitsPerMinute), options.PermitsPerMinute, 0, 1_000_000)
            .Result();
}
