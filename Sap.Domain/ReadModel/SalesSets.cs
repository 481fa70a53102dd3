using Sap.Domain.Data;

namespace Sap.Domain.ReadModel;

/// <summary>SQL over the rows that make up a <see cref="WindowPlan"/>: its calendar blocks and its days.</summary>
internal static class SalesSets
{
    /// <summary>A pedido (alias p) counts in the sales figures unless cancelled: the writes and the rebuild must agree.</summary>
    public static readonly SqlFragment NotCancelled = SqlFragment.Raw("p.status <> 'Cancelado'");

    /// <summary>What an upsert into ranking_cliente sets on conflict: the row's figures plus the new row's (the caller adds the sets).</summary>
    public static readonly SqlFragment AddRankingFigures = SqlFragment.Raw("""
        valor_centavos = ranking_cliente.valor_centavos + excluded.valor_centavos,
        custo_centavos = ranking_cliente.custo_centavos + excluded.custo_centavos,
        lucro_centavos = ranking_cliente.lucro_centavos + excluded.lucro_centavos,
        pedidos = ranking_cliente.pedidos + excluded.pedidos
        """);

    /// <summary>
    /// The union of the produto sets of a cliente's rows that make up the plan, as folded (the callers, a change of a
    /// pedido and a roll, move the cliente deltas in first); <paramref name="cliente"/> completes
    /// "cliente_id …" ("= @p0", or "= ranking_cliente.cliente_id" to correlate with an outer row).
    /// </summary>
    public static SqlFragment Union(SapSql sql, WindowPlan plan, SqlFragment cliente)
    {
        var parts = new List<SqlFragment>();
        if (plan.Blocos.Count > 0)
        {
            parts.Add(sql.Text($"SELECT r.produtos_bits AS bits FROM ranking_cliente r WHERE r.cliente_id {cliente} AND r.janela IN {sql.In(plan.Blocos.Select(b => b.Key))}"));
        }

        if (plan.Dias.Count > 0)
        {
            parts.Add(sql.Text($"SELECT d.produtos_bits AS bits FROM venda_cliente_dia d WHERE d.cliente_id {cliente} AND ({Days(sql, "d.dia", plan.Dias)})"));
        }

        return parts.Count == 0 ? sql.NoBits : sql.Text($"SELECT {sql.BitsUnion("u.bits")} FROM ({SqlFragment.Join(" UNION ALL ", parts)}) u");
    }

    /// <summary>"(col &gt;= a AND col &lt; b) OR …" for the day ranges.</summary>
    public static SqlFragment Days(SapSql sql, string column, IEnumerable<DayRange> ranges)
    {
        var c = SqlFragment.Raw(column);
        return SqlFragment.Join(" OR ", ranges.Select(r => sql.Text($"({c} >= {r.Inicio} AND {c} < {r.Fim})")));
    }
}
