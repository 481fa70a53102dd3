namespace Sap.Functions.RateLimiting;

/// <summary>Whether a caller may go on, and if not, in how many seconds to try again.</summary>
public readonly record struct RateLimitDecision(bool Allowed, int RetryAfterSeconds)
{
    public static RateLimitDecision Allow { get; } = new(true, 0);
}
