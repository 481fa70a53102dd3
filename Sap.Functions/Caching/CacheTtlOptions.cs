namespace Sap.Functions.Caching;

/// <summary>Cache lifetimes in seconds, per read.</summary>
public sealed class CacheTtlOptions
{
    public int Dashboard { get; set; } = 600;

    public int Cliente { get; set; } = 300;

    public int Rankings { get; set; } = 900;

    public int Apuracao { get; set; } = 600;
}
