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

    [Fact]
    public void Both_providers_have_the_same_versions_starting_with_the_schema_then_the_indexes()
    {
        using var postgres = SapDatabase.CreateContext(new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=unused"));
        using var sqlite = SapDatabase.CreateContext(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=unused.db"));

        var names = Names(postgres);

        Assert.Equal(["InitialSchema", "ReadPathIndexes"], names.Take(2));
        Assert.Equal(names, Names(sqlite));
    }

    private static List<string> Names(SapDbContext db) =>
        [.. db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..])];
}
