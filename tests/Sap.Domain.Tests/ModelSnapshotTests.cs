using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;

namespace Sap.Domain.Tests;

public sealed class ModelSnapshotTests
{
    // Comparing the model with the last migration's snapshot opens no connection: no server is needed.
    [Theory]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=unused")]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    public void The_model_has_no_changes_missing_from_the_migrations(DatabaseProvider provider, string connectionString)
    {
        using var db = SapDatabase.CreateContext(new DatabaseSettings(provider, connectionString));

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=unused")]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    public void Each_provider_has_the_schema_then_the_indexes(DatabaseProvider provider, string connectionString)
    {
        using var db = SapDatabase.CreateContext(new DatabaseSettings(provider, connectionString));

        var names = db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]).ToList();

        Assert.Equal(["InitialSchema", "ReadPathIndexes"], names);
    }
}
