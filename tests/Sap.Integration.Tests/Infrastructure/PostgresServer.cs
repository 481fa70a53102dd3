using Npgsql;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL for the whole test run: the server named by <c>SAP_TEST_POSTGRES</c> (a connection string
/// with the right to create databases), or a throwaway one made with initdb and pg_ctl in a temp folder, on a
/// free loopback port, stopped and deleted at the end. As root it runs as the <c>postgres</c> user, since
/// initdb refuses root. Each test gets a database of its own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly List<string> databases = [];
    private readonly SemaphoreSlim templateLock = new(1, 1);
    private string? template;
    private string? folder;
    private readonly bool useEnvironment;
    private string? binaries;
    private string? startSettings;

    public PostgresServer()
        : this(useEnvironment: true)
    {
    }

    private PostgresServer(bool useEnvironment) => this.useEnvironment = useEnvironment;

    public string AdminConnectionString { get; private set; } = "";

    /// <summary>A throwaway server of a test's own, even when <c>SAP_TEST_POSTGRES</c> is set (fault tests stop and start it).</summary>
    public static PostgresServer OwnServer() => new(useEnvironment: false);

    public async ValueTask InitializeAsync()
    {
        var external = useEnvironment ? Environment.GetEnvironmentVariable("SAP_TEST_POSTGRES") : null;
        if (!string.IsNullOrWhiteSpace(external))
        {
            AdminConnectionString = external;
            return;
        }

        binaries = FindBinaries();
        folder = Directory.CreateTempSubdirectory("sap-pg-").FullName;
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres", folder]);
        }

        var port = FreePort.Next();
        var data = Path.Combine(folder, "data");
        await RunAsPostgresAsync("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"]);
        startSettings = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                        "-c full_page_writes=off -c max_connections=200";
        await StartAsync();
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    /// <summary>Starts the server again on its port after <see cref="StopAsync"/> (a throwaway server only).</summary>
    public Task StartAsync() =>
        RunAsPostgresAsync("pg_ctl", ["-D", DataFolder, "-o", startSettings!, "-l", Path.Combine(folder!, "server.log"), "-w", "start"]);

    /// <summary>Stops the server as an operator's restart would (fast shutdown: sessions are ended, committed work is kept).</summary>
    public Task StopAsync() => RunAsPostgresAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "stop"]);

    private string DataFolder => Path.Combine(folder ?? throw new InvalidOperationException("not a throwaway server"), "data");

    public async ValueTask DisposeAsync()
    {
        if (folder is null)
        {
            await DropDatabasesAsync();
            return;
        }

        await RunAsPostgresAsync("pg_ctl", ["-D", Path.Combine(folder, "data"), "-m", "immediate", "stop"], check: false);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"sap_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        lock (databases)
        {
            databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    /// <summary>A new database with Sap's schema, cloned from a template migrated once by Sap.Migrator.</summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        await templateLock.WaitAsync();
        try
        {
            if (template is null)
            {
                var connectionString = await CreateDatabaseAsync();
                var result = await MigratorProcess.RunAsync(new Sap.Domain.Data.DatabaseSettings(Sap.Domain.Data.DatabaseProvider.Postgres, connectionString), "migrate");
                Assert.True(result.ExitCode == 0, result.ToString());
                template = new NpgsqlConnectionStringBuilder(connectionString).Database;
            }
        }
        finally
        {
            templateLock.Release();
        }

        return await CopyAsync(template!);
    }

    /// <summary>A new database with the same schema and rows as the one given (which nobody may be connected to).</summary>
    public Task<string> CloneAsync(string connectionString) => CopyAsync(new NpgsqlConnectionStringBuilder(connectionString).Database!);

    private async Task<string> CopyAsync(string source)
    {
        var name = $"sap_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {source}", connection);
            await command.ExecuteNonQueryAsync();
        }

        lock (databases)
        {
            databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    /// <summary>Runs psql on a database, stopping at the first error.</summary>
    public Task<ProcessResult> PsqlAsync(string connectionString, params string[] arguments)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return ProcessRunner.RunAsync(Tool("psql"),
            ["-h", b.Host!, "-p", b.Port.ToString(CultureInfo.InvariantCulture), "-U", b.Username!, "-d", b.Database!, "-v", "ON_ERROR_STOP=1", .. arguments],
            new Dictionary<string, string?> { ["PGPASSWORD"] = b.Password });
    }

    /// <summary>The schema of a database as pg_dump prints it, without the lines that differ between runs.</summary>
    public async Task<string> SchemaDumpAsync(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var result = await ProcessRunner.RunAsync(Tool("pg_dump"),
            ["-h", b.Host!, "-p", b.Port.ToString(CultureInfo.InvariantCulture), "-U", b.Username!, "--schema-only", "--no-owner", b.Database!],
            new Dictionary<string, string?> { ["PGPASSWORD"] = b.Password });
        Assert.True(result.ExitCode == 0, result.ToString());
        return string.Join('\n', result.Stdout.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal) && !l.StartsWith("\\restrict", StringComparison.Ordinal) && !l.StartsWith("\\unrestrict", StringComparison.Ordinal)));
    }

    private static bool IsRoot => Environment.UserName == "root";

    private string Tool(string name) => binaries is null ? name : Path.Combine(binaries, name);

    private async Task DropDatabasesAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        foreach (var name in databases)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private Task RunAsPostgresAsync(string tool, string[] arguments, bool check = true) =>
        IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Tool(tool), .. arguments], check)
            : RunAsync(Tool(tool), arguments, check);

    private static async Task RunAsync(string file, string[] arguments, bool check = true)
    {
        var result = await ProcessRunner.RunAsync(file, arguments, timeout: TimeSpan.FromMinutes(2));
        if (check && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {result}");
        }
    }

    /// <summary>The server binaries: pg_config's bindir, else the newest /usr/lib/postgresql/*/bin.</summary>
    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found: install postgresql (initdb, pg_ctl) or set SAP_TEST_POSTGRES");
    }
}
