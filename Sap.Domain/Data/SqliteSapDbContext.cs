using System.Collections;
using Microsoft.EntityFrameworkCore;

namespace Sap.Domain.Data;

public sealed class SqliteSapDbContext(DbContextOptions<SqliteSapDbContext> options) : SapDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite keeps instants as text without a kind; every instant Sap stores is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        // Produto sets are bit varying on PostgreSQL; SQLite keeps them as blobs (see SqliteBits).
        configurationBuilder.Properties<BitArray>().HaveConversion<BitArrayBytesConverter>();
    }
}
