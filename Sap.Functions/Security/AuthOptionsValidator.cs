using Microsoft.Extensions.Options;
using Sap.Domain.Settings;

namespace Sap.Functions.Security;

/// <summary>Issuer and audience; the keys are checked where they are read (<see cref="SigningKey"/>).</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options) =>
        new SettingsRules(AuthOptions.SectionName)
            .Require(nameof(AuthOptions.Issuer), !string.IsNullOrWhiteSpace(options.Issuer), "must not be empty (the iss every token must carry)")
            .Require(nameof(AuthOptions.Audience), !string.IsNullOrWhiteSpace(options.Audience), "must not be empty (the aud every token must carry)")
            .Result();
}
