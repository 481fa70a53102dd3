using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Sap.Domain.Settings;

/// <summary>How every options class of Sap is bound and checked (SPEC §8: a bad value stops start-up naming the setting).</summary>
public static partial class SettingsRegistration
{
    /// <summary>
    /// Binds the section to <typeparamref name="TOptions"/> and checks it with <typeparamref name="TValidator"/> at once, so
    /// that a bad value stops the building of the app with <c>key: what is wrong</c> before anything starts; registers it
    /// as <see cref="IOptions{TOptions}"/> (validated again on start, <c>ValidateOnStart</c>) and as itself.
    /// </summary>
    /// <returns>The checked value, for what is composed from it at registration (a cache prefix, a queue name).</returns>
    /// <exception cref="InvalidSettingsException">A value is of the wrong type or breaks the validator's rules.</exception>
    public static TOptions AddValidatedOptions<TOptions, TValidator>(this IHostApplicationBuilder builder, string sectionName)
        where TOptions : class, new()
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        var validator = new TValidator();
        var value = Bind<TOptions>(builder.Configuration, sectionName);
        Check(validator, value);
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(validator);
        builder.Services.AddOptions<TOptions>().Configure(o => builder.Configuration.GetSection(sectionName).Bind(o)).ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return value;
    }

    /// <summary>The section bound to a new <typeparamref name="TOptions"/>; a value of the wrong type names its key.</summary>
    /// <exception cref="InvalidSettingsException">A value cannot be converted to its property's type.</exception>
    public static TOptions Bind<TOptions>(IConfiguration configuration, string sectionName)
        where TOptions : class, new()
    {
        var value = new TOptions();
        try
        {
            configuration.GetSection(sectionName).Bind(value);
        }
        catch (InvalidOperationException e) when (FailedConversion().Match(e.Message) is { Success: true } failed)
        {
            // The binder's message quotes the value; the key and the expected kind are enough, and never a secret.
            throw new InvalidSettingsException($"{failed.Groups["key"].Value}: must be {Kind(failed.Groups["type"].Value)}.", e);
        }

        return value;
    }

    /// <summary>The validator's verdict as the exception start-up reports.</summary>
    /// <exception cref="InvalidSettingsException">The value breaks a rule.</exception>
    public static void Check<TOptions>(IValidateOptions<TOptions> validator, TOptions value)
        where TOptions : class
    {
        var result = validator.Validate(Options.DefaultName, value);
        if (result.Failed)
        {
            throw new InvalidSettingsException(string.Join(" ", result.Failures ?? [result.FailureMessage]));
        }
    }

    private static string Kind(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Boolean" => "true or false",
        "System.Double" or "System.Decimal" => "a number",
        "System.TimeSpan" => "a duration (hh:mm:ss)",
        _ => $"a {type.Split('.')[^1]}",
    };

    [GeneratedRegex("at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex FailedConversion();
}
