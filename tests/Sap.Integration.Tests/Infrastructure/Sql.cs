using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sap.Domain.Data;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>Plain SQL against a test database: the oracle side of the tests, independent of Sap's code.</summary>
public static class Sql
{
    public static async Task<DbConnection> OpenAsync(DatabaseSettings database)
    {
        DbConnection connection = database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<List<object?[]>> RowsAsync(DatabaseSettings database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static async Task<T> ScalarAsync<T>(DatabaseSettings database, string sql)
    {
        var rows = await RowsAsync(database, sql);
        return (T)Convert.ChangeType(rows[0][0]!, typeof(T), CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(DatabaseSettings database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The names of the tables in the database (excluding the engine's own catalogue).</summary>
    public static async Task<List<string>> TablesAsync(DatabaseSettings database)
    {
        var sql = database.Provider == DatabaseProvider.Postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1";
        return [.. (await RowsAsync(database, sql)).Select(r => (string)r[0]!)];
    }

    public static async Task<List<string>> IndexesAsync(DatabaseSettings database)
    {
        var sql = database.Provider == DatabaseProvider.Postgres
            ? "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"
            : "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY 1";
        return [.. (await RowsAsync(database, sql)).Select(r => (string)r[0]!)];
    }

    /// <summary>Every row of a table, ordered by id, one line each with the values as text.</summary>
    public static async Task<List<string>> DumpAsync(DatabaseSettings database, string table)
    {
        var rows = await RowsAsync(database, $"SELECT * FROM {table} ORDER BY id");
        return [.. rows.Select(r => string.Join('|', r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))))];
    }

    /// <summary>Inserts a row and returns its generated id.</summary>
    public static async Task<long> InsertAsync(DatabaseSettings database, string table, params (string Column, object? Value)[] values)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO {table} ({string.Join(", ", values.Select(v => v.Column))}) " +
            $"VALUES ({string.Join(", ", values.Select((_, i) => "@v" + i))}) RETURNING id";
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@v" + i;
            parameter.Value = values[i].Value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
