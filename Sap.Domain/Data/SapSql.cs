using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sap.Domain.Text;

namespace Sap.Domain.Data;

/// <summary>
/// Writes one read query's SQL for the context's provider and collects its parameters, then runs it through EF
/// (so interceptors see every command). The dialects differ where SQLite keeps money as TEXT: sums use EF's exact
/// <c>ef_sum</c>, comparisons and ordering cast to numbers.
/// </summary>
internal sealed class SapSql(SapDbContext db)
{
    private readonly List<DbParameter> parameters = [];

    private bool IsSqlite => db.Provider == DatabaseProvider.Sqlite;

    /// <summary>A parameter placeholder for the value.</summary>
    public string P(object? value)
    {
        var name = "@p" + parameters.Count;
        parameters.Add(IsSqlite
            ? new SqliteParameter(name, value ?? DBNull.Value)
            : new NpgsqlParameter(name, value ?? DBNull.Value));
        return name;
    }

    /// <summary>An exact money sum, 0 over no rows.</summary>
    public string Sum(string expression) => IsSqlite ? $"coalesce(ef_sum({expression}), 0)" : $"coalesce(sum({expression}), 0)";

    /// <summary>A money column as a number, for comparisons and row-level arithmetic.</summary>
    public string Num(string column) => IsSqlite ? $"CAST({column} AS NUMERIC)" : column;

    /// <summary>A money expression in whole centavos (exact: the value has at most two decimals).</summary>
    public string Cents(string expression) => IsSqlite ? $"CAST(round(({expression}) * 100) AS INTEGER)" : $"CAST(({expression}) * 100 AS bigint)";

    /// <summary>The larger of two values of one type.</summary>
    public string Greatest(string a, string b) => IsSqlite ? $"max({a}, {b})" : $"GREATEST({a}, {b})";

    /// <summary>A money expression as an ordering key.</summary>
    public string Key(string expression) => IsSqlite ? $"CAST({expression} AS REAL)" : expression;

    /// <summary>The column folded for accent- and case-insensitive search (see <see cref="SearchText"/>).</summary>
    public string Fold(string column) => IsSqlite
        ? $"sap_fold({column})"
        : $"translate(lower({column}), '{SearchText.Accented}', '{SearchText.Plain}')";

    /// <summary>"AND col &gt;= start AND col &lt; end" for the bounds that are set.</summary>
    public string Window(string column, DateTime? start, DateTime? end) =>
        (start is { } s ? $" AND {column} >= {P(s)}" : "") + (end is { } e ? $" AND {column} < {P(e)}" : "");

    public Task<List<T>> ListAsync<T>(string sql, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<T>(sql, [.. parameters]).ToListAsync(cancellationToken);

    /// <summary>Runs one command (one or more statements) with the parameters collected so far.</summary>
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, [.. parameters], cancellationToken);
}
