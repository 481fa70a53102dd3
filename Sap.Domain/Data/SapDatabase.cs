using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Sap.Domain.Data;

/// <summary>How Sap opens its database on either provider: one place for options, checks and descriptions.</summary>
public static class SapDatabase
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(settings.ConnectionString);
                break;
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(settings.ConnectionString);
                options.UseSqlite(settings.ConnectionString).AddInterceptors(SqliteFunctionsInterceptor.Instance);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, null);
        }

        options.UseSnakeCaseNamingConvention();
    }

    /// <summary>A context of the provider's own type, so that its migrations are the ones EF sees.</summary>
    /// <param name="settings">The provider and connection string.</param>
    /// <param name="configure">Options added after Sap's own; only code passes them (the migrator's tests do).</param>
    public static SapDbContext CreateContext(DatabaseSettings settings, Action<DbContextOptionsBuilder>? configure = null) =>
        settings.Provider switch
        {
            DatabaseProvider.Postgres => new PostgresSapDbContext(Options<PostgresSapDbContext>(settings, configure)),
            _ => new SqliteSapDbContext(Options<SqliteSapDbContext>(settings, configure)),
        };

    public static DbContextOptions<TContext> Options<TContext>(DatabaseSettings settings, Action<DbContextOptionsBuilder>? configure = null)
        where TContext : SapDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        Configure(builder, settings);
        configure?.Invoke(builder);
        return builder.Options;
    }

    /// <exception cref="InvalidSettingsException">The string does not parse for the provider.</exception>
    public static void CheckConnectionString(DatabaseProvider provider, string connectionString)
    {
        try
        {
            _ = provider == DatabaseProvider.Postgres
                ? new NpgsqlConnectionStringBuilder(connectionString).Host
                : new SqliteConnectionStringBuilder(connectionString).DataSource;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            // The parser's message can quote the offending text, which may be a password: say only what is wrong.
            throw new InvalidSettingsException(
                $"ConnectionStrings:Sap: not a valid {provider} connection string (check its keywords and values).");
        }
    }

    /// <summary>Where the database is, without credentials: "host:port/database" or the SQLite file.</summary>
    public static string Describe(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{b.Host}:{b.Port}/{b.Database ?? b.Username}";
        }

        return new SqliteConnectionStringBuilder(connectionString).DataSource;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
