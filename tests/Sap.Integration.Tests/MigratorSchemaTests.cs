using Microsoft.Data.Sqlite;
using Sap.Domain.Data;

namespace Sap.Integration.Tests;

public sealed class MigratorSchemaTests(PostgresServer postgres)
{
    private static readonly string[] SapTables =
    [
        "apuracao", "cliente", "coleta", "estoque", "item_coletado", "item_pedido", "log_atividade",
        "movimentacao_estoque", "outbox", "pagamento", "pedido", "produto",
    ];

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Migrate_status_rollback_to_zero_and_migrate_again(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateAsync(provider, postgres);

        var applied = await MigratorProcess.OkAsync(db, "migrate");
        Assert.Contains("InitialSchema", applied, StringComparison.Ordinal);
        Assert.Contains("ReadPathIndexes", applied, StringComparison.Ordinal);
        Assert.Subset((await Sql.TablesAsync(db)).ToHashSet(), SapTables.ToHashSet());

        var status = await MigratorProcess.OkAsync(db, "status");
        Assert.Contains($"{Migrations.Count} applied, 0 pending", status, StringComparison.Ordinal);
        Assert.DoesNotContain("pending  ", status, StringComparison.Ordinal);

        await MigratorProcess.OkAsync(db, "rollback", "--to", "0");
        Assert.Empty(await Sql.TablesAsync(db));

        await MigratorProcess.OkAsync(db, "migrate");
        Assert.Contains($"{Migrations.Count} applied, 0 pending", await MigratorProcess.OkAsync(db, "status"), StringComparison.Ordinal);
        Assert.Contains("Nothing to apply", await MigratorProcess.OkAsync(db, "migrate"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Migrations_are_versions_that_apply_and_revert_one_at_a_time(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateAsync(provider, postgres);

        await MigratorProcess.OkAsync(db, "migrate", "--to", "InitialSchema");
        var status = await MigratorProcess.OkAsync(db, "status");
        Assert.Matches(@"applied  \d+_InitialSchema", status);
        Assert.Matches(@"pending  \d+_ReadPathIndexes", status);
        var schemaOnly = await Sql.IndexesAsync(db);
        Assert.Contains("ix_apuracao_ano_mes", schemaOnly); // a unique key guards a rule: it comes with the schema
        Assert.DoesNotContain("ix_pedido_cliente_id_data", schemaOnly);

        await MigratorProcess.OkAsync(db, "migrate");
        Assert.Contains("ix_pedido_cliente_id_data", await Sql.IndexesAsync(db));

        var rolled = await MigratorProcess.OkAsync(db, "rollback", "--to", "InitialSchema");
        Assert.Contains("ReadPathIndexes", rolled, StringComparison.Ordinal);
        Assert.Equal(schemaOnly, await Sql.IndexesAsync(db));
        Assert.Subset((await Sql.TablesAsync(db)).ToHashSet(), SapTables.ToHashSet());
    }

    [Fact]
    public async Task Idempotent_script_applied_with_psql_gives_the_schema_that_migrate_gives()
    {
        var migrated = await TestDatabases.PostgresAsync(postgres);
        var scripted = await TestDatabases.PostgresAsync(postgres);
        await MigratorProcess.OkAsync(migrated, "migrate");
        var script = Path.Combine(Directory.CreateTempSubdirectory("sap-script-").FullName, "migrate.sql");
        await MigratorProcess.OkAsync(scripted, "script", "--idempotent", "--output", script);

        var first = await postgres.PsqlAsync(scripted.ConnectionString, "-q", "-f", script);
        Assert.True(first.ExitCode == 0, first.ToString());
        var second = await postgres.PsqlAsync(scripted.ConnectionString, "-q", "-f", script);
        Assert.True(second.ExitCode == 0, second.ToString());

        Assert.Equal(await postgres.SchemaDumpAsync(migrated.ConnectionString), await postgres.SchemaDumpAsync(scripted.ConnectionString));
        Assert.Contains($"{Migrations.Count} applied, 0 pending", await MigratorProcess.OkAsync(scripted, "status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_goes_to_stdout_and_a_range_scripts_only_that_range()
    {
        var db = await TestDatabases.PostgresAsync(postgres);

        var all = await MigratorProcess.OkAsync(db, "script");
        var indexesOnly = await MigratorProcess.OkAsync(db, "script", "--from", "InitialSchema", "--to", "ReadPathIndexes");

        Assert.Contains("CREATE TABLE pedido", all, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE TABLE", indexesOnly, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX ix_pedido_cliente_id_data", indexesOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_script_gives_the_schema_that_migrate_gives()
    {
        var migrated = TestDatabases.Sqlite();
        var scripted = TestDatabases.Sqlite();
        await MigratorProcess.OkAsync(migrated, "migrate");
        var script = await MigratorProcess.OkAsync(scripted, "script");

        await using (var connection = new SqliteConnection(scripted.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = script;
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        const string Schema = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%' ORDER BY name";
        var expected = (await Sql.RowsAsync(migrated, Schema)).Select(r => string.Join('|', r)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, (await Sql.RowsAsync(scripted, Schema)).Select(r => string.Join('|', r)).ToList());
    }

    [Fact]
    public async Task Two_migrators_started_at_once_both_succeed_and_apply_the_schema_once()
    {
        for (var round = 0; round < 3; round++)
        {
            var db = await TestDatabases.PostgresAsync(postgres);

            var results = await Task.WhenAll(MigratorProcess.RunAsync(db, "migrate"), MigratorProcess.RunAsync(db, "migrate"));

            Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
            Assert.Single(results, r => r.Stdout.Contains($"Applied {Migrations.Count}", StringComparison.Ordinal));
            Assert.Single(results, r => r.Stdout.Contains("Nothing to apply", StringComparison.Ordinal));
            var history = await Sql.RowsAsync(db, "SELECT migration_id FROM \"__EFMigrationsHistory\" ORDER BY 1");
            Assert.Equal(Migrations.Count, history.Count);
        }
    }
}
