using Microsoft.Data.Sqlite;

namespace Sap.Domain.DemoData;

/// <summary>Loads demo rows with prepared inserts in one transaction.</summary>
internal sealed class SqliteDemoDataSink : IDemoDataSink
{
    // Children first, for deletes.
    private static readonly string[] Tables =
    [
        "item_coletado", "coleta", "pagamento", "item_pedido", "pedido", "movimentacao_estoque", "estoque",
        "produto", "cliente", "apuracao", "log_atividade", "outbox",
    ];

    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;

    private SqliteDemoDataSink(SqliteConnection connection, SqliteTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    public static async Task<SqliteDemoDataSink> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            return new SqliteDemoDataSink(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<long> CountPedidosAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT count(*) FROM pedido");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var deletes = Tables.Select(t => $"DELETE FROM {t};").Append("DELETE FROM sqlite_sequence;");
        await using var command = Command(string.Join('\n', deletes));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task WriteAsync<TRow>(IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
        where TRow : IDemoRow
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var table = TRow.Table;
        using var command = Command(
            $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns)}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})");
        for (var i = 0; i < table.Columns.Count; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, null));
        }

        command.Prepare();
        var writer = new ParameterRowWriter(command.Parameters);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.Reset();
            row.WriteTo(writer);
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    public Task FinishAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private SqliteCommand Command(string sql) => new(sql, connection, transaction);

    private sealed class ParameterRowWriter(SqliteParameterCollection parameters) : IRowWriter
    {
        private int next;

        public void Reset() => next = 0;

        public void Int64(long value) => Set(value);

        public void Int32(int value) => Set(value);

        public void Decimal(decimal value) => Set(value);

        public void Bool(bool value) => Set(value);

        public void Text(string? value) => Set(value);

        public void Instant(DateTime utc) => Set(utc);

        public void Instant(DateTime? utc) => Set(utc);

        public void Null() => Set(null);

        private void Set(object? value) => parameters[next++].Value = value ?? DBNull.Value;
    }
}
