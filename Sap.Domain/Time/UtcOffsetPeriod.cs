namespace Sap.Domain.Time;

/// <summary>From <see cref="FromUtc"/> on (until the next period), local time is UTC + <see cref="Offset"/>.</summary>
public readonly record struct UtcOffsetPeriod(DateTime FromUtc, TimeSpan Offset);
