using Microsoft.Extensions.Configuration;

namespace Sap.Domain.Data;

/// <summary>The provider and connection string Sap uses, read and checked once from configuration.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>How long one maintenance statement may run (<see cref="DatabaseOptions.MaintenanceTimeoutSeconds"/>).</summary>
    public TimeSpan MaintenanceTimeout { get; init; } = TimeSpan.FromSeconds(new DatabaseOptions().MaintenanceTimeoutSeconds);

    /// <summary>Reads <c>Sap:Database:Provider</c> and <c>ConnectionStrings:Sap</c>.</summary>
    /// <exception cref="InvalidSettingsException">A setting is missing or malformed; the message names it, never its value.</exception>
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection(DatabaseOptions.SectionName).Bind(options);
        var provider = ParseProvider(options.Provider);
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DatabaseOptions.DefaultSqliteConnectionString
                : throw new InvalidSettingsException(
                    "ConnectionStrings:Sap: required when Sap:Database:Provider is postgres (environment: ConnectionStrings__Sap).");
        }

        SapDatabase.CheckConnectionString(provider, connectionString);
        if (options.MaintenanceTimeoutSeconds is < 1 or > 86_400)
        {
            throw new InvalidSettingsException("Sap:Database:MaintenanceTimeoutSeconds must be from 1 to 86400 seconds.");
        }

        return new DatabaseSettings(provider, connectionString) { MaintenanceTimeout = TimeSpan.FromSeconds(options.MaintenanceTimeoutSeconds) };
    }

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidSettingsException(
            $"Sap:Database:Provider: must be 'sqlite' or 'postgres', not '{value}'."),
    };

    /// <summary>Never prints the connection string: it may hold a password.</summary>
    public override string ToString() => $"{Provider} ({SapDatabase.Describe(Provider, ConnectionString)})";
}
