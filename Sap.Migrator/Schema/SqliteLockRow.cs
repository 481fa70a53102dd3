using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;

namespace Sap.Migrator.Schema;

/// <summary>
/// EF's migration lock on SQLite: before it migrates, EF inserts a row into <c>__EFMigrationsLock</c> (with the time
/// it was taken) outside any transaction, and it deletes the row when it is done. A migrator killed in between
/// leaves the row, and every later EF migrate then retries once a second without end. SQLite is embedded and used by
/// one process, where a live migrator holds the row for seconds, so a row that outlasts <see cref="Wait"/> is
/// reported as stale (ADR 3) and <c>unlock</c> removes it.
/// </summary>
internal static class SqliteLockRow
{
    public const string Table = "__EFMigrationsLock";

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>When the lock was taken, as EF wrote it; null when no row (or no table) is there.</summary>
    public static async Task<string?> TakenAtAsync(SapDbContext db, CancellationToken cancellationToken)
    {
        var tables = await db.Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
            .ToListAsync(cancellationToken);
        return tables.Single() == 0
            ? null
            : await db.Database.SqlQueryRaw<string>("SELECT \"Timestamp\" AS \"Value\" FROM \"__EFMigrationsLock\"")
                .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>"2026-11-29 18:37:32 UTC" from EF's text (the text itself if it does not parse).</summary>
    public static string Describe(string takenAt) =>
        DateTimeOffset.TryParse(takenAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : takenAt;

    /// <summary>Returns once no lock row is there, waiting up to <see cref="Wait"/> for a live migrator to finish.</summary>
    /// <exception cref="InvalidOperationException">The row outlasted the wait: one clear line saying what to do.</exception>
    public static async Task WaitUntilReleasedAsync(
        SapDbContext db, DatabaseSettings settings, TextWriter progress, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await TakenAtAsync(db, cancellationToken) is not { } takenAt)
        {
            return;
        }

        var seconds = (int)Wait.TotalSeconds;
        await progress.WriteLineAsync($"Waiting up to {seconds} s for the migration lock in {Table}, taken {Describe(takenAt)}.");
        var deadline = clock.GetUtcNow() + Wait;
        while (clock.GetUtcNow() < deadline)
        {
            await Task.Delay(Poll, clock, cancellationToken);
            if (await TakenAtAsync(db, cancellationToken) is null)
            {
                return;
            }
        }

        throw new InvalidOperationException(
            $"the migration lock in {Table}, taken {Describe(takenAt)}, was not released within {seconds} s; a migrator was " +
            $"probably killed while migrating. If no migrator is running on {SapDatabase.Describe(settings.Provider, settings.ConnectionString)}, " +
            "run `Sap.Migrator unlock`, then migrate again.");
    }

    /// <summary>Deletes the lock row; returns when it had been taken, or null when there was none.</summary>
    public static async Task<string?> RemoveAsync(SapDbContext db, CancellationToken cancellationToken)
    {
        var takenAt = await TakenAtAsync(db, cancellationToken);
        if (takenAt is not null)
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", cancellationToken);
        }

        return takenAt;
    }
}
