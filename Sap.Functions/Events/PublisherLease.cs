using Npgsql;
using Sap.Domain.Data;

namespace Sap.Functions.Events;

/// <summary>
/// One outbox publisher at a time across instances (PostgreSQL session advisory lock, released with the session
/// if the process dies), so events leave in commit order. SQLite is single-process: always granted.
/// </summary>
internal sealed class PublisherLease : IAsyncDisposable
{
    internal const long Key = 0x534150_0002;

    private readonly NpgsqlConnection? connection;

    private PublisherLease(NpgsqlConnection? connection) => this.connection = connection;

    /// <summary>The lease, or null when another instance is publishing right now.</summary>
    public static async Task<PublisherLease?> TryAcquireAsync(DatabaseSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Provider != DatabaseProvider.Postgres)
        {
            return new PublisherLease(null);
        }

        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                return new PublisherLease(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null)
        {
            return;
        }

        try
        {
            // Unlocked here, not left to the session's end: a pooled connection keeps its session (and the lock) while it
            // idles in the pool, which would refuse the lease to every other connection until the pool prunes it.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteScalarAsync();
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
