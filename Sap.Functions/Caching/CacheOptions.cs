namespace Sap.Functions.Caching;

/// <summary>Settings <c>Sap:Cache:*</c>. TTLs only bound staleness when the event pipeline is down (SPEC §5).</summary>
public sealed class CacheOptions
{
    public const string SectionName = "Sap:Cache";

    /// <summary>false serves every read from the database (benchmarks, diagnosis).</summary>
    public bool Enabled { get; set; } = true;

    public CacheTtlOptions Ttl { get; set; } = new();

    /// <summary>
    /// Shared reads (dashboard, rankings, apuração) changed by writes are refreshed in rounds at most this often
    /// (ms), so a burst of writes costs one recomputation; a cliente's own reads are refreshed with the write.
    /// </summary>
    public int RefreshIntervalMs { get; set; } = 100;

    /// <summary>A read served within this many seconds is refreshed when its data changes; older ones are only invalidated.</summary>
    public int HotSeconds { get; set; } = 120;

    /// <summary>At most this many reads are kept for refreshing, per instance.</summary>
    public int HotMaxEntries { get; set; } = 10_000;

    /// <summary>Prefix of every Redis key and of the backplane channel: environments sharing one Redis use different ones.</summary>
    public string Prefix { get; set; } = "sap";
}
