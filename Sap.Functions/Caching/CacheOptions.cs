namespace Sap.Functions.Caching;

/// <summary>Settings <c>Sap:Cache:*</c>. TTLs only bound staleness when the event pipeline is down (SPEC §5).</summary>
public sealed class CacheOptions
{
    public const string SectionName = "Sap:Cache";

    /// <summary>false serves every read from the database (benchmarks, diagnosis).</summary>
    public bool Enabled { get; set; } = true;

    public CacheTtlOptions Ttl { get; set; } = new();

    /// <summary>Prefix of every Redis key and of the backplane channel: environments sharing one Redis use different ones.</summary>
    public string Prefix { get; set; } = "sap";
}
