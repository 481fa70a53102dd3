using Sap.Domain.Data;

namespace Sap.Domain.ReadModel;

/// <summary>SQL over the rows that make up a <see cref="WindowPlan"/>: its calendar blocks and its days.</summary>
internal static class SalesSets
{
    /// <summary>
    /// The union of the produto sets of a cliente's rows that make up the plan; <paramref name="cliente"/> completes
    /// "cliente_id …" ("= @p0", or "= ranking_cliente.cliente_id" to correlate with an outer row).
    /// </summary>
    public static string Union(SapSql sql, WindowPlan plan, string cliente)
    {
        var parts = new List<string>();
        if (plan.Blocos.Count > 0)
        {
            parts.Add($"SELECT r.produtos_bits AS bits FROM ranking_cliente r WHERE r.cliente_id {cliente} AND r.janela IN {sql.In(plan.Blocos.Select(b => b.Key))}");
        }

        if (plan.Dias.Count > 0)
        {
            parts.Add($"SELECT d.produtos_bits AS bits FROM venda_cliente_dia d WHERE d.cliente_id {cliente} AND ({Days(sql, "d.dia", plan.Dias)})");
        }

        return parts.Count == 0 ? sql.NoBits : $"SELECT {sql.BitsUnion("u.bits")} FROM ({string.Join(" UNION ALL ", parts)}) u";
    }

    /// <summary>"(col &gt;= a AND col &lt; b) OR …" for the day ranges.</summary>
    public static string Days(SapSql sql, string column, IEnumerable<DayRange> ranges) =>
        string.Join(" OR ", ranges.Select(r => $"({column} >= {sql.P(r.Inicio)} AND {column} < {sql.P(r.Fim)})"));
}
