using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sap.Domain.Text;

namespace Sap.Domain.Data;

/// <summary>
/// Gives every SQLite connection <c>sap_fold(text)</c>, the search folding PostgreSQL does with translate(), and the
/// produto-set functions of <see cref="SqliteBits"/>.
/// </summary>
internal sealed class SqliteFunctionsInterceptor : DbConnectionInterceptor
{
    public static SqliteFunctionsInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction("sap_fold", (string? text) => text is null ? null : SearchText.Fold(text), isDeterministic: true);
            sqlite.CreateFunction("sap_bit", (long bit) => SqliteBits.Of([bit]), isDeterministic: true);
            sqlite.CreateFunction("sap_bits_or", (byte[]? a, byte[]? b) => SqliteBits.Or(a, b), isDeterministic: true);
            sqlite.CreateFunction("sap_bits_count", (byte[]? a) => SqliteBits.Count(a), isDeterministic: true);
            sqlite.CreateAggregate("sap_bits_union", (byte[]?)null, (byte[]? union, byte[]? bits) => SqliteBits.Or(union, bits), isDeterministic: true);
        }
    }
}
