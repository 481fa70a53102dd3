using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Sap.Domain.Data;
using Sap.Domain.ReadModel;
using Sap.Domain.Time;

namespace Sap.Migrator.Schema;

/// <summary>migrate, rollback, status, unlock and script, over EF's migrator for the configured provider.</summary>
internal sealed class MigrationCommands(
    DatabaseSettings settings,
    BusinessCalendar calendar,
    TimeProvider clock,
    IEnumerable<ConfigureSchemaContext> contextOptions,
    TextWriter output,
    TextWriter progress)
{
    private const string ReadModelMigration = "_SalesReadModel";

    public async Task MigrateAsync(string? to, CancellationToken cancellationToken)
    {
        await using var db = Open();
        var target = to is null ? null : Resolve(db, to);
        await CreateDatabaseIfMissingAsync(db, cancellationToken);
        await using var guard = await LockAsync(db, cancellationToken);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (target is not null && applied.Contains(target, StringComparer.Ordinal) && target != applied[^1])
        {
            throw new UsageException($"{target} is already applied, with later ones after it; use `rollback --to {NameOf(target)}`");
        }

        var toApply = db.Database.GetMigrations()
            .Where(m => !applied.Contains(m, StringComparer.Ordinal))
            .TakeWhile((m, _) => target is null || string.CompareOrdinal(m, target) <= 0)
            .ToList();
        try
        {
            await db.GetService<IMigrator>().MigrateAsync(target, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // EF applies each migration in a transaction of its own: the first one still pending is the one that failed.
            var nowApplied = await AppliedOrNullAsync(db, cancellationToken);
            var failed = nowApplied is null ? null : toApply.FirstOrDefault(m => !nowApplied.Contains(m));
            if (failed is null)
            {
                throw;
            }

            throw new MigrationFailedException(failed, e);
        }

        await output.WriteLineAsync(toApply.Count == 0
            ? "Nothing to apply: the database is up to date."
            : $"Applied {toApply.Count}: {string.Join(", ", toApply)}");
        if ((await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any(m => m.EndsWith(ReadModelMigration, StringComparison.Ordinal)))
        {
            // Built here once (the deploy runs the migrator), so the app never starts on an empty read model.
            var today = calendar.Today(clock);
            await new SalesReadModel(calendar, settings.MaintenanceTimeout).EnsureCurrentAsync(db, today, cancellationToken);
            await output.WriteLineAsync($"Sales read model current as of {today:yyyy-MM-dd}.");
        }
    }

    /// <summary>Recomputes the sales read model from the pedidos (ADR 7), after rows were changed outside Sap.</summary>
    public async Task RebuildReadModelAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending > 0)
        {
            throw new InvalidOperationException($"the database has {pending} pending migrations; run `migrate` first");
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var today = calendar.Today(clock);
        await new SalesReadModel(calendar, settings.MaintenanceTimeout).RebuildAsync(db, today, cancellationToken);
        await output.WriteLineAsync(
            $"Sales read model rebuilt as of {today:yyyy-MM-dd} in {started.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s.");
    }

    public async Task RollbackAsync(string to, CancellationToken cancellationToken)
    {
        await using var db = Open();
        var target = Resolve(db, to);
        await using var guard = await LockAsync(db, cancellationToken);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (target != Migration.InitialDatabase && !applied.Contains(target, StringComparer.Ordinal))
        {
            throw new UsageException($"{target} is not applied, so there is nothing to roll back to");
        }

        var reverted = applied.Where(m => target == Migration.InitialDatabase || string.CompareOrdinal(m, target) > 0).Reverse().ToList();
        await db.GetService<IMigrator>().MigrateAsync(target, cancellationToken);
        if (target == Migration.InitialDatabase)
        {
            // "0" means the empty database: EF's bookkeeping tables go too.
            await db.Database.ExecuteSqlRawAsync(
                "DROP TABLE IF EXISTS \"__EFMigrationsHistory\"; DROP TABLE IF EXISTS \"__EFMigrationsLock\";", cancellationToken);
        }

        await output.WriteLineAsync(reverted.Count == 0
            ? "Nothing to roll back."
            : $"Rolled back {reverted.Count}: {string.Join(", ", reverted)}");
    }

    public async Task StatusAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        var exists = await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var all = db.Database.GetMigrations().ToList();
        await output.WriteLineAsync($"Database: {settings}{(exists ? "" : " — does not exist yet; `migrate` creates it")}");
        if (exists && settings.Provider == DatabaseProvider.Sqlite && await SqliteLockRow.TakenAtAsync(db, cancellationToken) is { } takenAt)
        {
            await output.WriteLineAsync(
                $"Migration lock: held since {SqliteLockRow.Describe(takenAt)} ({SqliteLockRow.Table}); if no migrator is running, `unlock` removes it");
        }

        foreach (var migration in all)
        {
            await output.WriteLineAsync($"  {(applied.Contains(migration) ? "applied" : "pending")}  {migration}");
        }

        var unknown = applied.Except(all, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var migration in unknown)
        {
            await output.WriteLineAsync($"  unknown  {migration} (applied, but not in this build)");
        }

        var pending = all.Count(m => !applied.Contains(m));
        await output.WriteLineAsync($"{all.Count - pending} applied, {pending} pending");
    }

    /// <summary>Removes a SQLite lock row that a killed migrator left behind; PostgreSQL's locks end with their session.</summary>
    public async Task UnlockAsync(CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            await output.WriteLineAsync(
                "Nothing to unlock: on PostgreSQL the migration locks belong to a session, and the server releases them when it ends.");
            return;
        }

        await using var db = Open();
        var exists = await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken);
        var takenAt = exists ? await SqliteLockRow.RemoveAsync(db, cancellationToken) : null;
        await output.WriteLineAsync(takenAt is null
            ? "Nothing to unlock: no migration lock is held."
            : $"Removed the migration lock taken {SqliteLockRow.Describe(takenAt)} from {SqliteLockRow.Table}.");
    }

    public async Task ScriptAsync(string? from, string? to, bool idempotent, string? outputFile, CancellationToken cancellationToken)
    {
        await using var db = Open();
        var options = idempotent ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default;
        string sql;
        try
        {
            sql = db.GetService<IMigrator>().GenerateScript(
                from is null ? null : Resolve(db, from), to is null ? null : Resolve(db, to), options);
        }
        catch (NotSupportedException e)
        {
            throw new UsageException($"{settings.Provider} cannot make this script: {e.Message}");
        }

        if (outputFile is null)
        {
            await output.WriteAsync(sql);
        }
        else
        {
            await File.WriteAllTextAsync(outputFile, sql, cancellationToken);
        }
    }

    private SapDbContext Open() => SapDatabase.CreateContext(settings, options =>
    {
        foreach (var configure in contextOptions)
        {
            configure(options);
        }
    });

    /// <summary>
    /// PostgreSQL: the advisory lock for the whole command. SQLite: EF's own lock row, waited for a short while and
    /// reported if a killed migrator left it (EF itself would wait for it without end).
    /// </summary>
    private async Task<MigrationLock> LockAsync(SapDbContext db, CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await SqliteLockRow.WaitUntilReleasedAsync(db, settings, progress, clock, cancellationToken);
        }

        return await MigrationLock.AcquireAsync(settings, cancellationToken);
    }

    /// <summary>The applied migrations, or null when the database cannot say (it failed too).</summary>
    private static async Task<HashSet<string>?> AppliedOrNullAsync(SapDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            return (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        }
        catch (DbException)
        {
            return null;
        }
    }

    /// <summary>
    /// A first deploy may find no database: create it, as EF's migrate would, but before taking the lock (which
    /// needs a connection to it). Two migrators racing here both succeed: the loser finds it already made.
    /// </summary>
    private static async Task CreateDatabaseIfMissingAsync(SapDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
            // Another migrator created it first.
        }
    }

    /// <summary>A migration's full id from its id or its name ("ReadPathIndexes"), or "0" for the empty database.</summary>
    private static string Resolve(SapDbContext db, string name)
    {
        if (name == Migration.InitialDatabase)
        {
            return name;
        }

        var all = db.Database.GetMigrations().ToList();
        return all.FirstOrDefault(m => string.Equals(m, name, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(m => string.Equals(NameOf(m), name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"unknown migration '{name}' (known: {string.Join(", ", all.Select(NameOf))}, or 0)");
    }

    private static string NameOf(string id) => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
