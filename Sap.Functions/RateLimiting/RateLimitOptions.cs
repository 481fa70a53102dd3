namespace Sap.Functions.RateLimiting;

/// <summary>Settings <c>Sap:RateLimit:*</c> (SPEC §6).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Sap:RateLimit";

    /// <summary>Requests per caller per minute, shared by every instance through Redis; 0 turns the limit off.</summary>
    public int PermitsPerMinute { get; set; } = 1200;
}
