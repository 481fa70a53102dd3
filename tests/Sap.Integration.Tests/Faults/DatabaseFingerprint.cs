using Npgsql;
using Sap.Domain.Data;
using Sap.Domain.ReadModel;

namespace Sap.Integration.Tests.Faults;

/// <summary>
/// Every row of every table of a PostgreSQL database, reduced to one text per table (row count and the sum of a 64-bit
/// hash of each row as text: no sort, no key needed), read by one prepared statement over one open connection: cheap
/// enough to take after every request to a small database. The audit (log_atividade), the outbox, the idempotency keys and the read model are tables like
/// the others, so a write that leaves any trace anywhere is seen. Sequences are not rows: a rolled-back insert may
/// advance one, and that is no change of data. The deltas writes leave for shared sales figures are folded into their rows
/// first (the app does it on its own schedule, which must not look like a change).
/// </summary>
public sealed class DatabaseFingerprint : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlCommand command;
    private readonly IReadOnlyList<string> tables;
    private readonly DatabaseSettings database;

    private DatabaseFingerprint(NpgsqlConnection connection, IReadOnlyList<string> tables, DatabaseSettings database)
    {
        this.connection = connection;
        this.tables = tables;
        this.database = database;
        command = new NpgsqlCommand("SELECT ARRAY[" + string.Join(", ", tables.Select(t =>
            $"(SELECT '{t}:' || count(*) || ':' || coalesce(sum(hashtextextended(r::text, 0)), 0) FROM \"{t}\" r)")) + "]", connection);
    }

    public IReadOnlyList<string> Tables => tables;

    public static async Task<DatabaseFingerprint> OpenAsync(DatabaseSettings database)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
            connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var fingerprint = new DatabaseFingerprint(connection, tables, database);
        await fingerprint.command.PrepareAsync();
        return fingerprint;
    }

    /// <summary>One text per table, in table-name order.</summary>
    public async Task<string[]> TakeAsync()
    {
        await using (var deltas = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM venda_produto_delta) OR EXISTS (SELECT 1 FROM venda_mes_delta) OR EXISTS (SELECT 1 FROM ranking_cliente_delta)", connection))
        {
            if ((bool)(await deltas.ExecuteScalarAsync())!)
            {
                await using var context = SapDatabase.CreateContext(database);
                await SalesReadModel.FoldAllAsync(context, CancellationToken.None);
            }
        }

        return (string[])(await command.ExecuteScalarAsync())!;
    }

    /// <summary>How many outbox events wait to be published (the publisher marks them after the write's commit).</summary>
    public async Task<long> OutboxPendingAsync()
    {
        await using var pending = new NpgsqlCommand("SELECT count(*) FROM outbox WHERE publicado_em IS NULL", connection);
        return (long)(await pending.ExecuteScalarAsync())!;
    }

    /// <summary>The tables whose rows differ between two fingerprints.</summary>
    public static IEnumerable<string> Changed(string[] before, string[] after) =>
        before.Zip(after).Where(p => p.First != p.Second).Select(p => p.First[..p.First.IndexOf(':', StringComparison.Ordinal)]);

    public async ValueTask DisposeAsync()
    {
        await command.DisposeAsync();
        await connection.DisposeAsync();
    }
}
