using System.Collections;
using Sap.Domain.Data;
using Sap.Domain.ReadModel;
using Sap.Domain.Time;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>The sales read model's rows as text, to compare what the writes kept with a rebuild from the pedidos.</summary>
public static class ReadModelDump
{
    private static readonly string[] Tables =
    [
        "venda_cliente", "venda_cliente_produto", "venda_cliente_dia", "venda_produto_dia", "ranking_cliente", "ranking_produto",
        "janela_movel", "venda_mes", "venda_produto_delta", "venda_mes_delta", "ranking_cliente_delta",
    ];

    /// <summary>
    /// Every read-model row, as text, in key order, after moving the deltas writes left into their rows (a rebuild
    /// leaves none). Produto sets print as their members, so that sets padded to different widths compare equal.
    /// </summary>
    public static async Task<List<string>> RowsAsync(DatabaseSettings db)
    {
        await using (var context = SapDatabase.CreateContext(db))
        {
            await SalesReadModel.FoldAllAsync(context, TestContext.Current.CancellationToken);
        }

        var lines = new List<string>();
        foreach (var table in Tables)
        {
            var rows = await Sql.RowsAsync(db, $"SELECT * FROM {table}");
            // Sorted as text: every row is unique, whatever order its key columns have in the table.
            lines.AddRange(rows.Select(r => table + ": " + string.Join('|', r.Select(v => v switch
            {
                DateTime d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                BitArray bits => "{" + string.Join(',', Enumerable.Range(0, bits.Length).Where(i => bits[i])) + "}",
                byte[] blob => "{" + string.Join(',', SqliteBits.Members(blob)) + "}",
                _ => Convert.ToString(v, CultureInfo.InvariantCulture),
            }))).Order(StringComparer.Ordinal));
        }

        return lines;
    }

    /// <summary>Rows kept equal to rows rebuilt; when not, the rows only one side has (the first 40 of each).</summary>
    public static void Same(IReadOnlyCollection<string> rebuilt, IReadOnlyCollection<string> maintained)
    {
        var missing = rebuilt.Except(maintained, StringComparer.Ordinal).Take(40).ToList();
        var extra = maintained.Except(rebuilt, StringComparer.Ordinal).Take(40).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && rebuilt.Count == maintained.Count,
            $"the maintained rows differ from a rebuild.\nonly rebuilt:\n{string.Join('\n', missing)}\nonly maintained:\n{string.Join('\n', extra)}");
    }

    /// <summary>Rebuilds the read model from the pedidos as of a day (what the migrator's rebuild-read-model does).</summary>
    public static async Task RebuildAsync(DatabaseSettings db, DateOnly asOf)
    {
        await using var context = SapDatabase.CreateContext(db);
        await new SalesReadModel(BusinessCalendar.SaoPaulo).RebuildAsync(context, asOf, TestContext.Current.CancellationToken);
    }
}
