using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sap.Domain.Text;
using Sap.Domain.Time;

namespace Sap.Domain.Data;

/// <summary>
/// A piece of SQL text the code wrote: a dialect's expression, a clause, a parameter's placeholder, never a value.
/// Made by <see cref="SapSql"/> (its helpers, <see cref="SapSql.P"/>, <see cref="SapSql.Text"/>) or, for a constant,
/// <see cref="Raw"/>; passed to a helper wherever it takes a column or an expression.
/// </summary>
internal readonly record struct SqlFragment(string Text)
{
    public static readonly SqlFragment Empty = new("");

    public bool IsEmpty => Text.Length == 0;

    /// <summary>Text the code wrote itself (a constant clause, a column name): never anything a caller sent.</summary>
    public static SqlFragment Raw(string text) => new(text);

    public static SqlFragment Join(string separator, IEnumerable<SqlFragment> parts) => new(string.Join(separator, parts.Select(p => p.Text)));

    public static implicit operator string(SqlFragment fragment) => fragment.Text;

    public override string ToString() => Text;
}

/// <summary>
/// An interpolated string as SQL: the literal parts and <see cref="SqlFragment"/> holes are text, every other hole becomes a
/// parameter of the <see cref="SapSql"/> it is written for. A <see cref="string"/> hole does not compile: a text value
/// is a parameter (<c>{sql.P(text)}</c>), a piece of SQL is a <see cref="SqlFragment"/>. So <c>{id}</c> is always a parameter.
/// </summary>
[InterpolatedStringHandler]
internal readonly struct SqlText
{
    private readonly StringBuilder text;
    private readonly SapSql sql;

    public SqlText(int literalLength, int formattedCount, SapSql sql)
    {
        text = new StringBuilder(literalLength + (formattedCount * 8));
        this.sql = sql;
    }

    public void AppendLiteral(string value) => text.Append(value);

    public void AppendFormatted(SqlFragment fragment) => text.Append(fragment.Text);

    [Obsolete("A string hole in SQL: write {sql.P(text)} for a value, or make the fragment a SqlFragment.", error: true)]
    public void AppendFormatted(string value) => throw new NotSupportedException(value);

    public void AppendFormatted<T>(T value) => text.Append(sql.P(value).Text);

    internal SqlFragment Build() => new(text.ToString());
}

/// <summary>
/// Writes one query's SQL for the context's provider and collects its parameters, then runs it through EF
/// (so interceptors see every command). The dialects differ where SQLite keeps money as TEXT: sums use EF's exact
/// <c>ef_sum</c>, comparisons and ordering cast to numbers; where SQLite has no bit strings (produto sets are blobs
/// combined by the functions of <see cref="SqliteBits"/>); in date functions and row locks (SQLite's write
/// transactions are exclusive, so it needs none). Queries are written as <see cref="SqlText"/>: a value in a hole
/// is a parameter, whatever its type, and only <see cref="SqlFragment"/> fragments are pasted in.
/// </summary>
internal sealed class SapSql(SapDbContext db)
{
    // PostgreSQL ORs only bit strings of one length: sets are padded to a width that holds every produto id.
    private const string PgBitsWidth = "(SELECT (64 * (coalesce(max(id), 0) / 64 + 1))::int FROM produto)";

    private readonly List<DbParameter> parameters = [];

    public bool IsSqlite => db.Provider == DatabaseProvider.Sqlite;

    /// <summary>The values collected so far, in placeholder order (@p0, @p1 …).</summary>
    internal IReadOnlyList<DbParameter> Parameters => parameters;

    /// <summary>A parameter placeholder for the value.</summary>
    public SqlFragment P(object? value)
    {
        var name = "@p" + parameters.Count;
        parameters.Add(IsSqlite
            ? new SqliteParameter(name, value ?? DBNull.Value)
            : new NpgsqlParameter(name, value ?? DBNull.Value));
        return new SqlFragment(name);
    }

    /// <summary>A fragment written like a query: its values become this command's parameters.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "The handler is built on this instance: its holes become this command's parameters.")]
    public SqlFragment Text([InterpolatedStringHandlerArgument("")] SqlText text) => text.Build();

    private static SqlFragment Padded(string bits) => new($"({bits} || repeat('0', {PgBitsWidth} - length({bits}))::varbit)");

    /// <summary>An exact money sum, 0 over no rows.</summary>
    public SqlFragment Sum(string expression) => new(IsSqlite ? $"coalesce(ef_sum({expression}), 0)" : $"coalesce(sum({expression}), 0)");

    /// <summary>A money column as a number, for comparisons and row-level arithmetic.</summary>
    public SqlFragment Num(string column) => new(IsSqlite ? $"CAST({column} AS NUMERIC)" : column);

    /// <summary>A money expression in whole centavos (exact: the value has at most two decimals).</summary>
    public SqlFragment Cents(string expression) => new(IsSqlite ? $"CAST(round(({expression}) * 100) AS INTEGER)" : $"CAST(({expression}) * 100 AS bigint)");

    /// <summary>The larger of two values of one type.</summary>
    public SqlFragment Greatest(string a, string b) => new(IsSqlite ? $"max({a}, {b})" : $"GREATEST({a}, {b})");

    /// <summary>A money expression as an ordering key.</summary>
    public SqlFragment Key(string expression) => new(IsSqlite ? $"CAST({expression} AS REAL)" : expression);

    /// <summary>The column folded for accent- and case-insensitive search (see <see cref="SearchText"/>).</summary>
    public SqlFragment Fold(string column) => new(IsSqlite
        ? $"sap_fold({column})"
        : $"translate(lower({column}), '{SearchText.Accented}', '{SearchText.Plain}')");

    /// <summary>"AND col &gt;= start AND col &lt; end" for the bounds that are set.</summary>
    public SqlFragment Window(string column, DateTime? start, DateTime? end) =>
        new((start is { } s ? $" AND {column} >= {P(s)}" : "") + (end is { } e ? $" AND {column} < {P(e)}" : ""));

    /// <summary>" FOR UPDATE" on PostgreSQL.</summary>
    public SqlFragment ForUpdate => new(IsSqlite ? "" : " FOR UPDATE");

    /// <summary>" FOR KEY SHARE" on PostgreSQL: many may hold it at once; it only keeps a FOR UPDATE out.</summary>
    public SqlFragment ForKeyShare => new(IsSqlite ? "" : " FOR KEY SHARE");

    /// <summary>A parenthesised list of parameters: "(@p1, @p2)".</summary>
    public SqlFragment In<T>(IEnumerable<T> values) => new("(" + string.Join(", ", values.Select(v => P(v).Text)) + ")");

    /// <summary>The produto set holding just the produto id the expression gives.</summary>
    public SqlFragment Bit(string id) => new(IsSqlite ? $"sap_bit({id})" : $"set_bit(repeat('0', {PgBitsWidth})::varbit, ({id})::int, 1)");

    /// <summary>The produto set holding these produto ids, as a parameter (SQLite) or built in SQL (PostgreSQL).</summary>
    public SqlFragment Bits(IReadOnlyCollection<long> ids) =>
        IsSqlite ? P(SqliteBits.Of(ids)) : new($"(SELECT bit_or({Bit("produto")}) FROM unnest({P(ids.ToArray())}::bigint[]) produto)");

    /// <summary>No produto set, typed (PostgreSQL cannot guess the type of a bare NULL in a select list).</summary>
    public SqlFragment NoBits => new(IsSqlite ? "NULL" : "NULL::varbit");

    /// <summary>The union of the produto sets of the rows aggregated (null over none).</summary>
    public SqlFragment BitsUnion(string bits) => new(IsSqlite ? $"sap_bits_union({bits})" : $"bit_or({Padded(bits)})");

    /// <summary>The union of two produto sets, either of which may be null.</summary>
    public SqlFragment BitsOr(string a, string b) => new(IsSqlite
        ? $"sap_bits_or({a}, {b})"
        : $"(CASE WHEN {a} IS NULL THEN {b} WHEN {b} IS NULL THEN {a} ELSE {Padded(a)} | {Padded(b)} END)");

    /// <summary>How many produtos a set holds (0 for null).</summary>
    public SqlFragment BitsCount(string bits) => new(IsSqlite ? $"sap_bits_count({bits})" : $"coalesce(bit_count({bits}), 0)::int");

    /// <summary>The key of the calendar month, quarter or year (<see cref="ReadModel.Janela"/>) a date column falls in.</summary>
    public SqlFragment MonthKey(string date) => new(IsSqlite ? $"strftime('%Y-%m', {date})" : $"to_char({date}, 'YYYY-MM')");

    public SqlFragment QuarterKey(string date) => new(IsSqlite
        ? $"(strftime('%Y', {date}) || '-T' || ((CAST(strftime('%m', {date}) AS INTEGER) + 2) / 3))"
        : $"to_char({date}, 'YYYY\"-T\"Q')");

    public SqlFragment YearKey(string date) => new(IsSqlite ? $"strftime('%Y', {date})" : $"to_char({date}, 'YYYY')");

    public SqlFragment Year(string date) => new(IsSqlite ? $"CAST(strftime('%Y', {date}) AS INTEGER)" : $"extract(year FROM {date})::int");

    public SqlFragment Month(string date) => new(IsSqlite ? $"CAST(strftime('%m', {date}) AS INTEGER)" : $"extract(month FROM {date})::int");

    /// <summary>
    /// The business date of an instant column, from the zone's offsets over the instants it can hold (see
    /// <see cref="BusinessCalendar.Offsets"/>): no SQL time-zone support needed.
    /// </summary>
    public SqlFragment BusinessDate(string instant, IReadOnlyList<UtcOffsetPeriod> offsets)
    {
        string Shifted(TimeSpan offset) => IsSqlite
            ? $"date({instant}, {P($"{(long)offset.TotalSeconds:+0;-0} seconds")})"
            : $"(({instant} AT TIME ZONE 'UTC') + {P((long)offset.TotalSeconds)} * interval '1 second')::date";
        if (offsets.Count == 1)
        {
            return new(Shifted(offsets[0].Offset));
        }

        var cases = offsets.Skip(1).Select((o, i) => $"WHEN {instant} < {P(o.FromUtc)} THEN {Shifted(offsets[i].Offset)}");
        return new($"(CASE {string.Join(" ", cases)} ELSE {Shifted(offsets[^1].Offset)} END)");
    }

    /// <summary>Runs one query with its values as parameters (and those of the fragments written for it).</summary>
    public Task<List<T>> ListAsync<T>([InterpolatedStringHandlerArgument("")] SqlText query, CancellationToken cancellationToken) =>
        ListAsync<T>(query.Build(), cancellationToken);

    /// <summary>Runs a query put together from fragments with the parameters collected so far.</summary>
    public Task<List<T>> ListAsync<T>(SqlFragment query, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<T>(query.Text, [.. parameters]).ToListAsync(cancellationToken);

    /// <summary>Runs one command (one or more statements) with its values as parameters.</summary>
    public Task<int> ExecuteAsync([InterpolatedStringHandlerArgument("")] SqlText command, CancellationToken cancellationToken) =>
        ExecuteAsync(command.Build(), cancellationToken);

    /// <summary>Runs a command put together from fragments with the parameters collected so far.</summary>
    public Task<int> ExecuteAsync(SqlFragment command, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(command.Text, [.. parameters], cancellationToken);
}
