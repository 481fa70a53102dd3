using Sap.Domain.Data;
using Sap.Domain.ReadModel;
using Sap.Domain.Time;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>The sales read model's rows as text, to compare what the writes kept with a rebuild from the pedidos.</summary>
public static class ReadModelDump
{
    private static readonly string[] Tables =
        ["venda_cliente", "venda_cliente_produto", "ranking_cliente", "ranking_produto", "ranking_periodo", "venda_mes"];

    /// <summary>Every read-model row, as text, in key order.</summary>
    public static async Task<List<string>> RowsAsync(DatabaseSettings db)
    {
        var lines = new List<string>();
        foreach (var table in Tables)
        {
            var rows = await Sql.RowsAsync(db, $"SELECT * FROM {table} ORDER BY 1, 2");
            lines.AddRange(rows.Select(r => table + ": " + string.Join('|', r.Select(v => v switch
            {
                DateTime d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture),
            }))));
        }

        return lines;
    }

    /// <summary>Rebuilds the read model from the pedidos as of a day (what the migrator's rebuild-read-model does).</summary>
    public static async Task RebuildAsync(DatabaseSettings db, DateOnly asOf)
    {
        await using var context = SapDatabase.CreateContext(db);
        await new SalesReadModel(BusinessCalendar.SaoPaulo).RebuildAsync(context, asOf, TestContext.Current.CancellationToken);
    }
}
