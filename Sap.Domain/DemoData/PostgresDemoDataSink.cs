using Npgsql;
using NpgsqlTypes;

namespace Sap.Domain.DemoData;

/// <summary>
/// Loads demo rows with binary COPY, all in one transaction: a load that fails leaves the database as it was.
/// </summary>
internal sealed class PostgresDemoDataSink : IDemoDataSink
{
    private static readonly string[] Tables =
    [
        "cliente", "produto", "pedido", "item_pedido", "pagamento", "coleta", "item_coletado", "estoque",
        "movimentacao_estoque", "apuracao", "log_atividade", "outbox",
    ];

    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private PostgresDemoDataSink(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    public static async Task<PostgresDemoDataSink> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new PostgresDemoDataSink(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<long> CountPedidosAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pedido", connection, transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"TRUNCATE {string.Join(", ", Tables)} RESTART IDENTITY CASCADE", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task WriteAsync<TRow>(IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
        where TRow : IDemoRow
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = TRow.Table;
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table.Name} ({string.Join(", ", table.Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        WriteRows(importer, rows);
        await importer.CompleteAsync(cancellationToken);
    }

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        // Rows came with explicit ids: move each identity past them, then commit and refresh the planner's statistics.
        var resets = Tables.Select(t =>
            $"SELECT setval(pg_get_serial_sequence('{t}', 'id'), coalesce((SELECT max(id) FROM {t}), 0) + 1, false);");
        await using (var command = new NpgsqlCommand(string.Join('\n', resets), connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private static void WriteRows<TRow>(NpgsqlBinaryImporter importer, IReadOnlyList<TRow> rows)
        where TRow : IDemoRow
    {
        var writer = new CopyRowWriter(importer);
        foreach (var row in rows)
        {
            importer.StartRow();
            row.WriteTo(writer);
        }
    }

    private sealed class CopyRowWriter(NpgsqlBinaryImporter importer) : IRowWriter
    {
        public void Int64(long value) => importer.Write(value, NpgsqlDbType.Bigint);

        public void Int32(int value) => importer.Write(value, NpgsqlDbType.Integer);

        public void Decimal(decimal value) => importer.Write(value, NpgsqlDbType.Numeric);

        public void Bool(bool value) => importer.Write(value, NpgsqlDbType.Boolean);

        public void Text(string? value)
        {
            if (value is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(value, NpgsqlDbType.Text);
            }
        }

        public void Instant(DateTime utc) => importer.Write(utc, NpgsqlDbType.TimestampTz);

        public void Instant(DateTime? utc)
        {
            if (utc is { } value)
            {
                Instant(value);
            }
            else
            {
                importer.WriteNull();
            }
        }

        public void Null() => importer.WriteNull();
    }
}
