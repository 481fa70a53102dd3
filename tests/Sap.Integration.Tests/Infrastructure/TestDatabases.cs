using Sap.Domain.Data;

namespace Sap.Integration.Tests.Infrastructure;

public static class TestDatabases
{
    public static async Task<DatabaseSettings> PostgresAsync(PostgresServer server) =>
        new(DatabaseProvider.Postgres, await server.CreateDatabaseAsync());

    public static async Task<DatabaseSettings> MigratedPostgresAsync(PostgresServer server) =>
        new(DatabaseProvider.Postgres, await server.CreateMigratedDatabaseAsync());

    /// <summary>A SQLite file in a folder of its own under the temp directory.</summary>
    public static DatabaseSettings Sqlite() =>
        new(DatabaseProvider.Sqlite,
            $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("sap-sqlite-").FullName, "sap.db")};Pooling=false");

    public static Task<DatabaseSettings> CreateAsync(DatabaseProvider provider, PostgresServer server) =>
        provider == DatabaseProvider.Postgres ? PostgresAsync(server) : Task.FromResult(Sqlite());
}
