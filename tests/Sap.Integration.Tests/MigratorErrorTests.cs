using Sap.Domain.Data;

namespace Sap.Integration.Tests;

/// <summary>Bad usage, bad settings and unreachable servers: the right exit code and one clear line, no secrets.</summary>
public sealed class MigratorErrorTests(PostgresServer postgres)
{
    private const string Password = "s3cr3t-Pa55word";

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("rollback")]
    [InlineData("migrate", "--bogus")]
    [InlineData("migrate", "--to")]
    [InlineData("status", "extra")]
    [InlineData("demo-data", "--scale", "huge")]
    [InlineData("demo-data", "--scale", "small", "--seed", "x")]
    [InlineData("demo-data", "--scale", "small", "--today", "2025-02-30")]
    [InlineData("script", "--idempotent=yes")]
    public async Task Bad_usage_exits_2_with_one_line(params string[] arguments)
    {
        var result = await MigratorProcess.RunAsync(TestDatabases.Sqlite(), arguments);

        AssertOneErrorLine(result, 2);
    }

    [Fact]
    public async Task Help_exits_0_listing_every_command_and_each_commands_help_its_options()
    {
        var help = await MigratorProcess.RunAsync(TestDatabases.Sqlite(), "--help");

        Assert.Equal(0, help.ExitCode);
        var commands = new Dictionary<string, string[]>
        {
            ["migrate"] = ["--to"], ["rollback"] = ["--to"], ["status"] = [], ["unlock"] = [],
            ["script"] = ["--from", "--to", "--idempotent", "--output"], ["demo-data"] = ["--scale", "--seed", "--today", "--force"],
            ["rebuild-read-model"] = [],
        };
        foreach (var (command, options) in commands)
        {
            Assert.Contains($"  {command} ", help.Stdout, StringComparison.Ordinal);
            var own = await MigratorProcess.RunAsync(TestDatabases.Sqlite(), command, "--help");
            Assert.Equal(0, own.ExitCode);
            Assert.Contains($"Sap.Migrator {command} [options]", own.Stdout, StringComparison.Ordinal);
            Assert.All(options.Append("--verbose"), o => Assert.Contains(o, own.Stdout, StringComparison.Ordinal));
        }

        Assert.Contains("exit codes", help.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(help.Stdout, (await MigratorProcess.RunAsync(TestDatabases.Sqlite())).Stdout);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task An_unknown_migration_exits_2_and_names_the_known_ones(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateAsync(provider, postgres);
        await MigratorProcess.OkAsync(db, "migrate");

        foreach (var arguments in new[] { new[] { "migrate", "--to", "NoSuchMigration" }, ["rollback", "--to", "NoSuchMigration"] })
        {
            var result = await MigratorProcess.RunAsync(db, arguments);

            AssertOneErrorLine(result, 2);
            Assert.Contains("NoSuchMigration", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("ReadPathIndexes", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_rebuild_that_runs_out_of_time_is_reported_as_a_timeout_not_as_an_unreachable_server()
    {
        var db = await TestDatabases.CreateAsync(DatabaseProvider.Postgres, postgres);
        await MigratorProcess.OkAsync(db, "migrate");
        // Another session holds a table of the model, so the rebuild waits on it until its statement timeout.
        await using var blocker = await Sql.OpenAsync(db);
        await using var transaction = await blocker.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var lockTable = blocker.CreateCommand())
        {
            lockTable.Transaction = transaction;
            lockTable.CommandText = "LOCK TABLE venda_cliente IN ACCESS EXCLUSIVE MODE";
            await lockTable.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var environment = MigratorProcess.Environment(db);
        environment["Sap__Database__MaintenanceTimeoutSeconds"] = "1";
        var result = await MigratorProcess.RunAsync(environment, "rebuild-read-model");

        AssertOneErrorLine(result, 1);
        Assert.Contains("did not finish within the statement timeout of 1 s", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot reach", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_exits_1_naming_it_without_the_password()
    {
        var port = FreePort.Next();
        var db = new DatabaseSettings(DatabaseProvider.Postgres, $"Host=127.0.0.1;Port={port};Database=sap;Username=sap;Password={Password}");

        foreach (var command in new[] { "migrate", "status", "rollback --to 0", "demo-data --scale small" })
        {
            var result = await MigratorProcess.RunAsync(db, command.Split(' '));

            AssertOneErrorLine(result, 1);
            Assert.Contains($"127.0.0.1:{port}", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, result.Stderr + result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verbose_adds_the_details_and_still_hides_the_password()
    {
        var db = new DatabaseSettings(DatabaseProvider.Postgres, $"Host=127.0.0.1;Port={FreePort.Next()};Database=sap;Username=sap;Password={Password}");

        var result = await MigratorProcess.RunAsync(db, "status", "--verbose");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_is_reported_by_status_refused_by_demo_data_and_created_by_migrate()
    {
        var name = $"sap_missing_{Guid.NewGuid():N}";
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(postgres.AdminConnectionString) { Database = name };
        var db = new DatabaseSettings(DatabaseProvider.Postgres, missing.ConnectionString);

        var status = await MigratorProcess.OkAsync(db, "status");
        Assert.Contains("does not exist yet", status, StringComparison.Ordinal);
        Assert.Contains($"0 applied, {Migrations.Count} pending", status, StringComparison.Ordinal);

        AssertOneErrorLine(await MigratorProcess.RunAsync(db, "demo-data", "--scale", "small"), 1);

        await MigratorProcess.OkAsync(db, "migrate");
        Assert.Contains($"{Migrations.Count} applied, 0 pending", await MigratorProcess.OkAsync(db, "status"), StringComparison.Ordinal);
        await Sql.ExecuteAsync(new DatabaseSettings(DatabaseProvider.Postgres, postgres.AdminConnectionString), $"DROP DATABASE {name} WITH (FORCE)");
    }

    [Theory]
    [InlineData("postgres", "Host=127.0.0.1;Port=notaport;Password=" + Password)]
    [InlineData("postgres", "this is not a connection string " + Password)]
    [InlineData("postgres", "")]
    [InlineData("mysql", "Data Source=x.db")]
    public async Task Bad_settings_exit_2_without_echoing_them(string provider, string connectionString)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Sap__Database__Provider"] = provider,
            ["ConnectionStrings__Sap"] = connectionString,
        };

        var result = await MigratorProcess.RunAsync(environment, "status");

        AssertOneErrorLine(result, 2);
        Assert.DoesNotContain(Password, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_cannot_make_an_idempotent_script_and_says_so()
    {
        var result = await MigratorProcess.RunAsync(TestDatabases.Sqlite(), "script", "--idempotent");

        AssertOneErrorLine(result, 2);
        Assert.Contains("idempotent", result.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertOneErrorLine(ProcessResult result, int exitCode)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
