namespace Sap.Functions.RateLimiting;

/// <summary>A function no caller's rate limit applies to: the probes, which platforms call at their own pace.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RateLimitExemptAttribute : Attribute;
