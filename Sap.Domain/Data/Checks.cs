namespace Sap.Domain.Data;

/// <summary>
/// Check-constraint SQL that reads the same on both providers. SQLite keeps decimals as TEXT, where
/// <c>valor &gt; 0</c> would compare strings; <c>CAST(... AS NUMERIC)</c> compares numbers there and is a
/// no-op on PostgreSQL's numeric columns.
/// </summary>
internal static class Checks
{
    public static string NonNegative(string column) => $"CAST({column} AS NUMERIC) >= 0";

    public static string Positive(string column) => $"CAST({column} AS NUMERIC) > 0";

    public static string AtMost(string column, decimal max) =>
        $"CAST({column} AS NUMERIC) <= {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static string OneOf(string column, IEnumerable<string> values) =>
        $"{column} IN ({string.Join(", ", values.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'"))})";
}
