using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>The migrations this build carries (the same list for both providers; a unit test checks that).</summary>
public static class Migrations
{
    public static int Count { get; } = CountOf();

    private static int CountOf()
    {
        using var db = SapDatabase.CreateContext(new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=unused"));
        return db.Database.GetMigrations().Count();
    }
}
