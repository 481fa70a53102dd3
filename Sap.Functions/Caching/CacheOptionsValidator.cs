using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Sap.Domain.Settings;

namespace Sap.Functions.Caching;

public sealed partial class CacheOptionsValidator : IValidateOptions<CacheOptions>
{
    private const int Week = 7 * 24 * 3600;

    public ValidateOptionsResult Validate(string? name, CacheOptions options) =>
        new SettingsRules(CacheOptions.SectionName)
            .Between(nameof(CacheOptions.RefreshIntervalMs), options.RefreshIntervalMs, 1, 60_000)
            .Between(nameof(CacheOptions.HotSeconds), options.HotSeconds, 0, Week)
            .Between(nameof(CacheOptions.HotMaxEntries), options.HotMaxEntries, 0, 1_000_000)
            .Between("Ttl:Dashboard", options.Ttl.Dashboard, 1, Week)
            .Between("Ttl:Cliente", options.Ttl.Cliente, 1, Week)
            .Between("Ttl:Rankings", options.Ttl.Rankings, 1, Week)
            .Between("Ttl:Apuracao", options.Ttl.Apuracao, 1, Week)
            .Require(nameof(CacheOptions.Prefix), Prefix().IsMatch(options.Prefix ?? ""), "must be 1 to 64 letters, digits, '.', '_' or '-'")
            .Result();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex Prefix();
}
