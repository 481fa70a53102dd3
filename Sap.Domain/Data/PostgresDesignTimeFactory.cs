using Microsoft.EntityFrameworkCore.Design;

namespace Sap.Domain.Data;

/// <summary>
/// Lets `dotnet ef` build the PostgreSQL context without starting an app host. The connection string is a
/// placeholder: scaffolding a migration never connects.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSapDbContext>
{
    public PostgresSapDbContext CreateDbContext(string[] args) =>
        new(SapDatabase.Options<PostgresSapDbContext>(new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=sap_design")));
}
