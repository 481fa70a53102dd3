using Sap.Domain.Data;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>A database migrated and filled by Sap.Migrator (small demo data as of today), Sap serving it, and the oracle over it.</summary>
public abstract class DemoApp(PostgresServer postgres, DatabaseProvider provider) : IAsyncLifetime
{
    public SapApp App { get; private set; } = null!;

    public Oracle Oracle { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var db = await TestDatabases.CreateAsync(provider, postgres);
        await MigratorProcess.OkAsync(db, "migrate");
        await MigratorProcess.DemoDataAsync(db, 3);
        Oracle = await Oracle.LoadAsync(db);
        // These tests check the read path itself: every request computes (the cache has its own tests).
        App = await SapApp.StartAsync(db, new Dictionary<string, string> { ["Sap:Cache:Enabled"] = "false" });
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgresDemoApp(PostgresServer postgres) : DemoApp(postgres, DatabaseProvider.Postgres);

public sealed class SqliteDemoApp(PostgresServer postgres) : DemoApp(postgres, DatabaseProvider.Sqlite);
