using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sap.Domain.Text;
using Sap.Domain.Time;

namespace Sap.Domain.Data;

/// <summary>
/// Writes one query's SQL for the context's provider and collects its parameters, then runs it through EF
/// (so interceptors see every command). The dialects differ where SQLite keeps money as TEXT: sums use EF's exact
/// <c>ef_sum</c>, comparisons and ordering cast to numbers; where SQLite has no bit strings (produto sets are blobs
/// combined by the functions of <see cref="SqliteBits"/>); in date functions and row locks (SQLite's write
/// transactions are exclusive, so it needs none).
/// </summary>
internal sealed class SapSql(SapDbContext db)
{
    // PostgreSQL ORs only bit strings of one length: sets are padded to a width that holds every produto id.
    private const string PgBitsWidth = "(SELECT (64 * (coalesce(max(id), 0) / 64 + 1))::int FROM produto)";

    private readonly List<DbParameter> parameters = [];

    public bool IsSqlite => db.Provider == DatabaseProvider.Sqlite;

    /// <summary>A parameter placeholder for the value.</summary>
    public string P(object? value)
    {
        var name = "@p" + parameters.Count;
        parameters.Add(IsSqlite
            ? new SqliteParameter(name, value ?? DBNull.Value)
            : new NpgsqlParameter(name, value ?? DBNull.Value));
        return name;
    }

    private static string Padded(string bits) => $"({bits} || repeat('0', {PgBitsWidth} - length({bits}))::varbit)";

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

    /// <summary>" FOR UPDATE" on PostgreSQL.</summary>
    public string ForUpdate => IsSqlite ? "" : " FOR UPDATE";

    /// <summary>" FOR KEY SHARE" on PostgreSQL: many may hold it at once; it only keeps a FOR UPDATE out.</summary>
    public string ForKeyShare => IsSqlite ? "" : " FOR KEY SHARE";

    /// <summary>A parenthesised list of parameters: "(@p1, @p2)".</summary>
    public string In<T>(IEnumerable<T> values) => "(" + string.Join(", ", values.Select(v => P(v))) + ")";

    /// <summary>The produto set holding just the produto id the expression gives.</summary>
    public string Bit(string id) => IsSqlite ? $"sap_bit({id})" : $"set_bit(repeat('0', {PgBitsWidth})::varbit, ({id})::int, 1)";

    /// <summary>The produto set holding these produto ids, as a parameter (SQLite) or built in SQL (PostgreSQL).</summary>
    public string Bits(IReadOnlyCollection<long> ids) =>
        IsSqlite ? P(SqliteBits.Of(ids)) : $"(SELECT bit_or({Bit("produto")}) FROM unnest({P(ids.ToArray())}::bigint[]) produto)";

    /// <summary>No produto set, typed (PostgreSQL cannot guess the type of a bare NULL in a select list).</summary>
    public string NoBits => IsSqlite ? "NULL" : "NULL::varbit";

    /// <summary>The union of the produto sets of the rows aggregated (null over none).</summary>
    public string BitsUnion(string bits) => IsSqlite ? $"sap_bits_union({bits})" : $"bit_or({Padded(bits)})";

    /// <summary>The union of two produto sets, either of which may be null.</summary>
    public string BitsOr(string a, string b) => IsSqlite
        ? $"sap_bits_or({a}, {b})"
        : $"(CASE WHEN {a} IS NULL THEN {b} WHEN {b} IS NULL THEN {a} ELSE {Padded(a)} | {Padded(b)} END)";

    /// <summary>How many produtos a set holds (0 for null).</summary>
    public string BitsCount(string bits) => IsSqlite ? $"sap_bits_count({bits})" : $"coalesce(bit_count({bits}), 0)::int";

    /// <summary>The key of the calendar month, quarter or year (<see cref="ReadModel.Janela"/>) a date column falls in.</summary>
    public string MonthKey(string date) => IsSqlite ? $"strftime('%Y-%m', {date})" : $"to_char({date}, 'YYYY-MM')";

    public string QuarterKey(string date) => IsSqlite
        ? $"(strftime('%Y', {date}) || '-T' || ((CAST(strftime('%m', {date}) AS INTEGER) + 2) / 3))"
        : $"to_char({date}, 'YYYY\"-T\"Q')";

    public string YearKey(string date) => IsSqlite ? $"strftime('%Y', {date})" : $"to_char({date}, 'YYYY')";

    public string Year(string date) => IsSqlite ? $"CAST(strftime('%Y', {date}) AS INTEGER)" : $"extract(year FROM {date})::int";

    public string Month(string date) => IsSqlite ? $"CAST(strftime('%m', {date}) AS INTEGER)" : $"extract(month FROM {date})::int";

    /// <summary>
    /// The business date of an instant column, from the zone's offsets over the instants it can hold (see
    /// <see cref="BusinessCalendar.Offsets"/>): no SQL time-zone support needed.
    /// </summary>
    public string BusinessDate(string instant, IReadOnlyList<UtcOffsetPeriod> offsets)
    {
        string Shifted(TimeSpan offset) => IsSqlite
            ? $"date({instant}, {P($"{(long)offset.TotalSeconds:+0;-0} seconds")})"
            : $"(({instant} AT TIME ZONE 'UTC') + {P((long)offset.TotalSeconds)} * interval '1 second')::date";
        if (offsets.Count == 1)
        {
            return Shifted(offsets[0].Offset);
        }

        var cases = offsets.Skip(1).Select((o, i) => $"WHEN {instant} < {P(o.FromUtc)} THEN {Shifted(offsets[i].Offset)}");
        return $"(CASE {string.Join(" ", cases)} ELSE {Shifted(offsets[^1].Offset)} END)";
    }

    public Task<List<T>> ListAsync<T>(string sql, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<T>(sql, [.. parameters]).ToListAsync(cancellationToken);

    /// <summary>Runs one command (one or more statements) with the parameters collected so far.</summary>
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, [.. parameters], cancellationToken);
}
