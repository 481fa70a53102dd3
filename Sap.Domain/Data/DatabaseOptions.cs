namespace Sap.Domain.Data;

/// <summary>Settings <c>Sap:Database:*</c>; the connection string is <c>ConnectionStrings:Sap</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Sap:Database";

    public const string ConnectionStringName = "Sap";

    /// <summary>The embedded default: a SQLite file in the git-ignored data folder.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/sap.db";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// How long one maintenance statement of the sales model (building it, rolling it after a long gap) may run: minutes
    /// at a million pedidos on a slow machine, where the 30 s of ordinary statements is far too short.
    /// </summary>
    public int MaintenanceTimeoutSeconds { get; set; } = 1800;
}
