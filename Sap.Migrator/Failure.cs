using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sap.Domain;
using Sap.Domain.Data;
using Sap.Domain.DemoData;
using Sap.Migrator.Schema;

namespace Sap.Migrator;

/// <summary>
/// Turns a failure into its exit code and one clear line. Lines name the server (host:port/database), never
/// the connection string, and Npgsql's messages never carry the password.
/// </summary>
internal static class Failure
{
    public const int Failed = 1;
    public const int BadUsage = 2;

    public static (int ExitCode, string Line) Describe(Exception error, DatabaseSettings? settings)
    {
        var where = settings is null ? "the database" : SapDatabase.Describe(settings.Provider, settings.ConnectionString);
        foreach (var e in Chain(error))
        {
            switch (e)
            {
                case UsageException or InvalidSettingsException:
                    return (BadUsage, e.Message);
                case StatementTimeoutException timeout:
                    return (Failed, $"{timeout.Message} at {where} (the server answered; the statement ran out of time: raise Sap:Database:MaintenanceTimeoutSeconds)");
                case MigrationFailedException { InnerException: { } cause }:
                    return (Failed, $"{e.Message}: {Describe(cause, settings).Line}");
                case PostgresException pg when pg.SqlState is "28P01" or "28000":
                    return (Failed, $"PostgreSQL at {where} refused the credentials ({pg.MessageText})");
                case PostgresException { SqlState: "3D000" } pg:
                    return (Failed, $"PostgreSQL at {where}: {pg.MessageText}");
                case PostgresException pg:
                    return (Failed, $"PostgreSQL error {pg.SqlState} at {where}: {pg.MessageText}");
                case SocketException socket:
                    return (Failed, $"cannot reach the PostgreSQL server at {where}: {socket.Message}");
                case TimeoutException:
                    return (Failed, $"cannot reach the PostgreSQL server at {where}: timed out");
                case NpgsqlException npgsql when npgsql.InnerException is null:
                    return (Failed, $"cannot use the PostgreSQL server at {where}: {npgsql.Message}");
                case SqliteException sqlite:
                    return (Failed, $"SQLite error at {where}: {sqlite.Message}");
                case DemoDataRefusedException or InvalidOperationException when e.InnerException is null:
                    return (Failed, e.Message);
                case OperationCanceledException:
                    return (Failed, "cancelled");
                default:
                    break;
            }
        }

        return (Failed, $"unexpected failure: {error.GetType().Name}: {error.Message}");
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
