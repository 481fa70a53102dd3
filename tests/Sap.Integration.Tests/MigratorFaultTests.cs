using Sap.Domain.Data;

namespace Sap.Integration.Tests;

/// <summary>A migration that fails halfway.</summary>
public sealed class MigratorFaultTests(PostgresServer postgres)
{
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
    }

    private async Task<List<string>> SchemaAsync(DatabaseSettings db) =>
        db.Provider == DatabaseProvider.Postgres
            ? [await postgres.SchemaDumpAsync(db.ConnectionString)]
            : [.. (await Sql.RowsAsync(db, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")).Select(r => string.Join('|', r))];
}
