using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Sap.Domain.Data;

/// <summary>What a database exception means, on either provider.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>The unique index or column a write collided with, or null when it is not a unique violation.</summary>
    public static string? UniqueViolation(Exception error) => Inner(error) switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => pg.ConstraintName ?? "unique",
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite when sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal) =>
            sqlite.Message[(sqlite.Message.LastIndexOf(':') + 1)..].Trim().TrimEnd('.', '\''),
        _ => null,
    };

    /// <summary>A check constraint the write broke (the last line of defence behind the domain rules).</summary>
    public static string? CheckViolation(Exception error) => Inner(error) switch
    {
        PostgresException { SqlState: PostgresErrorCodes.CheckViolation } pg => pg.ConstraintName ?? "check",
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite when sqlite.Message.Contains("CHECK", StringComparison.Ordinal) => sqlite.Message,
        _ => null,
    };

    /// <summary>A conflict worth retrying the whole transaction for (serialization failure, deadlock, busy file, stale token).</summary>
    public static bool IsRetryable(Exception error) =>
        error is DbUpdateConcurrencyException
        || Inner(error) is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }
        || Inner(error) is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };

    /// <summary>A statement ran out of time: the client's command timeout, or the server's statement_timeout.</summary>
    public static bool IsTimeout(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or PostgresException { SqlState: PostgresErrorCodes.QueryCanceled })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The database cannot be reached or is shutting down: answer 503, not 500.</summary>
    public static bool IsUnavailable(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                    or PostgresErrorCodes.TooManyConnections:
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    private static Exception Inner(Exception error) => error is DbUpdateException { InnerException: { } inner } ? inner : error;
}
