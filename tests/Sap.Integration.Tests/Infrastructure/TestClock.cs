namespace Sap.Integration.Tests.Infrastructure;

/// <summary>
/// The one "now" of a test run. The in-process apps (<see cref="SapApp"/>) read it as their <see cref="TimeProvider"/>,
/// the migrator gets its date as <c>--today</c>, and the tests take their expectations from it, so the app and the
/// test agree on today however long the run takes and at whatever hour, month's end or year's end it starts (a run
/// that crossed midnight in São Paulo would otherwise see two different days). It is the wall clock's instant when the
/// run first asks for it, then stands still; timers and elapsed times stay real (only <see cref="TimeProvider.GetUtcNow"/>
/// is fixed). Apps started as processes read the real clock: what they are asked is dated well inside the past.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private static readonly Lazy<TestClock> Instance = new(() => new TestClock(DateTimeOffset.UtcNow));

    private readonly DateTimeOffset now;

    private TestClock(DateTimeOffset now) => this.now = now;

    public static TestClock Run => Instance.Value;

    /// <summary>The run's instant, UTC.</summary>
    public static DateTime Now => Run.now.UtcDateTime;

    /// <summary>The run's business date in São Paulo, worked out here rather than by Sap's calendar.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, Seed.SaoPaulo));

    public override DateTimeOffset GetUtcNow() => now;
}
