using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Sap.Domain.Data;

namespace Sap.Integration.Tests;

/// <summary>A migration that fails halfway, and EF's SQLite lock row left behind by a killed migrator.</summary>
public sealed class MigratorFaultTests(PostgresServer postgres)
{
    private const string LockRow = "SELECT \"Timestamp\" FROM \"__EFMigrationsLock\"";

    // EF (10.0) runs each migration in a transaction of its own on both providers, and PostgreSQL and SQLite both
    // roll DDL back with it. Were the migration not transactional, the table, column and index made before the
    // failure would remain, and the schema comparisons below would fail.
    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_migration_that_fails_halfway_exits_1_and_leaves_schema_history_and_data_as_they_were(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateAsync(provider, postgres);
        await MigratorProcess.OkAsync(db, "migrate");
        await new Seed(db).ClienteAsync("Bar do Zé", "Zé", "11999990000");
        var schema = await SchemaAsync(db);
        var history = await Sql.RowsAsync(db, "SELECT * FROM \"__EFMigrationsHistory\" ORDER BY 1");
        var clientes = await Sql.DumpAsync(db, "cliente");

        var result = await MigratorProcess.RunInProcessAsync(db, TestMigrations.Add, "migrate");

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith($"error: migration {FailsHalfway.Id} failed and was rolled back: ", line, StringComparison.Ordinal);
        Assert.Contains("no_such_table", line, StringComparison.Ordinal);
        Assert.Equal(schema, await SchemaAsync(db));
        Assert.Equal(history, await Sql.RowsAsync(db, "SELECT * FROM \"__EFMigrationsHistory\" ORDER BY 1"));
        Assert.Equal(clientes, await Sql.DumpAsync(db, "cliente"));
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Empty(await Sql.RowsAsync(db, LockRow)); // EF released its lock on the way out
        }
    }

    [Fact]
    public async Task A_lock_row_left_by_a_killed_migrator_is_reported_by_migrate_and_status_and_removed_by_unlock()
    {
        var (db, takenAt) = await KillAMigratorHoldingTheLockAsync();
        var when = DateTimeOffset.Parse(takenAt, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        var started = Stopwatch.StartNew();
        var blocked = await MigratorProcess.RunAsync(db, "migrate");
        started.Stop();

        // EF alone would retry once a second for ever; the migrator waits its 10 s for a live migrator, then says so.
        Assert.True(blocked.ExitCode == 1, blocked.ToString());
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));
        var error = blocked.StderrLines[^1];
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("__EFMigrationsLock", error, StringComparison.Ordinal);
        Assert.Contains(when, error, StringComparison.Ordinal);
        Assert.Contains("`Sap.Migrator unlock`", error, StringComparison.Ordinal);
        Assert.Contains($"Migration lock: held since {when} UTC", await MigratorProcess.OkAsync(db, "status"), StringComparison.Ordinal);

        Assert.Contains($"Removed the migration lock taken {when} UTC", await MigratorProcess.OkAsync(db, "unlock"), StringComparison.Ordinal);
        Assert.Empty(await Sql.RowsAsync(db, LockRow));

        await MigratorProcess.OkAsync(db, "migrate");
        var status = await MigratorProcess.OkAsync(db, "status");
        Assert.Contains($"{Migrations.Count} applied, 0 pending", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Migration lock", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lock_row_released_within_the_wait_is_waited_for_and_migrate_succeeds()
    {
        var db = TestDatabases.Sqlite();
        await MigratorProcess.OkAsync(db, "migrate", "--to", "InitialSchema");
        // The test plays a live migrator: it takes the lock with EF's own statement and releases it a moment later.
        await Sql.ExecuteAsync(db,
            $"INSERT OR IGNORE INTO \"__EFMigrationsLock\"(\"Id\", \"Timestamp\") VALUES(1, '{DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture)}')");

        await using var migrator = MigratorProcess.Start(db, "migrate");
        await migrator.WaitForStderrAsync("Waiting up to", TimeSpan.FromSeconds(60));
        await Sql.ExecuteAsync(db, "DELETE FROM \"__EFMigrationsLock\"");
        var result = await migrator.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ReadPathIndexes", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{Migrations.Count} applied, 0 pending", await MigratorProcess.OkAsync(db, "status"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Unlock_without_a_lock_says_so_and_changes_nothing(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateAsync(provider, postgres);
        await MigratorProcess.OkAsync(db, "migrate");
        var schema = await SchemaAsync(db);

        Assert.Contains("Nothing to unlock", await MigratorProcess.OkAsync(db, "unlock"), StringComparison.Ordinal);
        Assert.Equal(schema, await SchemaAsync(db));
    }

    /// <summary>
    /// A real `migrate` on a new SQLite database, killed with SIGKILL as soon as EF's lock row is there (EF holds it
    /// while it applies the migrations, a few hundred milliseconds). A round where the migrator finished before the
    /// kill is tried again on a new database. Returns the database and the row's Timestamp as EF wrote it.
    /// </summary>
    private static async Task<(DatabaseSettings Db, string TakenAt)> KillAMigratorHoldingTheLockAsync()
    {
        for (var round = 0; round < 5; round++)
        {
            var db = TestDatabases.Sqlite();
            var file = new SqliteConnectionStringBuilder(db.ConnectionString).DataSource;
            await using var migrator = MigratorProcess.Start(db, "migrate");
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
            while (!migrator.HasExited && DateTime.UtcNow < deadline)
            {
                // Only once EF has made the file: opening it first would make an empty one.
                if (File.Exists(file) && await TakenAtAsync(db) is not null)
                {
                    await migrator.KillAsync();
                    if (await TakenAtAsync(db) is { } takenAt)
                    {
                        return (db, takenAt);
                    }
                }

                await Task.Delay(5);
            }
        }

        throw new InvalidOperationException("no migrator could be killed while it held the lock in 5 rounds");
    }

    private static async Task<string?> TakenAtAsync(DatabaseSettings db)
    {
        try
        {
            var rows = await Sql.RowsAsync(db, LockRow);
            return rows.Count == 0 ? null : (string)rows[0][0]!;
        }
        catch (SqliteException)
        {
            return null; // no lock table yet, or the file is still being made
        }
    }

    private async Task<List<string>> SchemaAsync(DatabaseSettings db) =>
        db.Provider == DatabaseProvider.Postgres
            ? [await postgres.SchemaDumpAsync(db.ConnectionString)]
            : [.. (await Sql.RowsAsync(db, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")).Select(r => string.Join('|', r))];
}
