using Microsoft.EntityFrameworkCore.Design;

namespace Sap.Domain.Data;

/// <summary>Lets `dotnet ef` build the SQLite context without an app host; scaffolding never opens the file.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSapDbContext>
{
    public SqliteSapDbContext CreateDbContext(string[] args) =>
        new(SapDatabase.Options<SqliteSapDbContext>(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design.db")));
}
