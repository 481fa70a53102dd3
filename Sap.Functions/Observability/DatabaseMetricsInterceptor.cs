using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sap.Functions.Observability;

/// <summary>Counts every SQL command EF sends, by its first keyword (select, insert, update, delete, other).</summary>
public sealed class DatabaseMetricsInterceptor(SapMetrics metrics) : DbCommandInterceptor
{
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        metrics.DatabaseQueries.WithLabels(Operation(result.CommandText)).Inc();
        SqlCommandTally.Count();
        return result;
    }

    public static string Operation(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        foreach (var keyword in (ReadOnlySpan<string>)["select", "insert", "update", "delete", "with"])
        {
            if (text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return keyword == "with" ? "select" : keyword;
            }
        }

        return "other";
    }
}
