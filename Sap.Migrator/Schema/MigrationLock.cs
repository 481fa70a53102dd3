using Npgsql;
using Sap.Domain.Data;

namespace Sap.Migrator.Schema;

/// <summary>
/// Serialises migrators on one PostgreSQL database with a session advisory lock, held for the whole command.
/// EF's own lock covers applying migrations, but not creating its history table, which two first runs race on.
/// A killed process loses its session, and with it the lock. SQLite relies on EF's lock (see <see cref="SqliteLockRow"/>).
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    // "SAP" in ASCII, then the migrator's number: any constant works as long as every migrator uses it.
    private const long Key = 0x534150_0001;

    private readonly NpgsqlConnection? connection;

    private MigrationLock(NpgsqlConnection? connection) => this.connection = connection;

    public static async Task<MigrationLock> AcquireAsync(DatabaseSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Provider != DatabaseProvider.Postgres)
        {
            return new MigrationLock(null);
        }

        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new MigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
