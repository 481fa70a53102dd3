namespace Sap.Domain.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
