using System.Runtime.CompilerServices;

namespace Sap.Functions.Observability;

/// <summary>
/// Counts the SQL commands of one piece of work in its async flow (a cached read's computation), so that the
/// metrics can say how many commands each computation took, whatever else runs at the same time.
/// </summary>
public static class SqlCommandTally
{
    private static readonly AsyncLocal<StrongBox<int>?> Current = new();

    /// <summary>Starts counting in the calling async flow (and what it awaits); read the box when done.</summary>
    public static StrongBox<int> Start() => Current.Value = new StrongBox<int>();

    internal static void Count()
    {
        if (Current.Value is { } tally)
        {
            Interlocked.Increment(ref tally.Value);
        }
    }
}
