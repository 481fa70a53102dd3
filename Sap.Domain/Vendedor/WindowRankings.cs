using Sap.Domain.Data;

namespace Sap.Domain.Vendedor;

/// <summary>
/// The rankings over explicit dates (data_inicio/data_fim), which no stored window covers: computed from the
/// pedidos in the window, each list in one command. Without dates the rankings read the sales read model.
/// </summary>
internal static class WindowRankings
{
    private const string NotCancelled = "p.status <> 'Cancelado'";

    /// <summary>The top clientes by valor_total and by lucro_total in one command (each list ties by id).</summary>
    public static async Task<(List<RankingFaturamentoRow> Faturamento, List<RankingMargemRow> Margem)> ClienteRankingsAsync(
        SapDbContext db, DateTime? start, DateTime? end, int rows, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var window = sql.Window("p.data", start, end);
        var top = sql.P(rows);
        var result = await sql.ListAsync<ClienteRankingRow>($"""
            SELECT r.cliente_id, c.nome, r.valor_total, r.custo_total, r.lucro_total, r.total_pedidos, r.rank_valor, r.rank_lucro
            FROM (
              SELECT a.*, row_number() OVER (ORDER BY {sql.Key("a.valor_total")} DESC, a.cliente_id) AS rank_valor,
                          row_number() OVER (ORDER BY {sql.Key("a.lucro_total")} DESC, a.cliente_id) AS rank_lucro
              FROM (
                SELECT p.cliente_id, {sql.Sum("p.valor_total")} AS valor_total, {sql.Sum("p.custo_total")} AS custo_total,
                       {sql.Sum($"{sql.Num("p.valor_total")} - {sql.Num("p.custo_total")}")} AS lucro_total, count(*) AS total_pedidos
                FROM pedido p WHERE {NotCancelled}{window}
                GROUP BY p.cliente_id) a
            ) r JOIN cliente c ON c.id = r.cliente_id
            WHERE r.rank_valor <= {top} OR r.rank_lucro <= {top}
            """, cancellationToken);

        var faturamento = result.Where(r => r.RankValor <= rows).OrderBy(r => r.RankValor)
            .Select(r => new RankingFaturamentoRow(r.ClienteId, r.Nome, r.ValorTotal, r.CustoTotal, r.TotalPedidos))
            .ToList();
        var margem = result.Where(r => r.RankLucro <= rows).OrderBy(r => r.RankLucro)
            .Select(r => new RankingMargemRow(r.ClienteId, r.Nome, r.ValorTotal - r.CustoTotal, VendedorFormulas.MargemMedia(r.ValorTotal, r.CustoTotal)))
            .ToList();
        return (faturamento, margem);
    }

    public static async Task<List<RankingProdutoRow>> ProdutoRankingAsync(
        SapDbContext db, DateTime? start, DateTime? end, int rows, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var result = await sql.ListAsync<ProdutoRankingRow>($"""
            SELECT x.produto_id, pr.nome, x.valor_total, x.quantidade_total
            FROM (
              SELECT i.produto_id, {sql.Sum("i.valor_total_venda")} AS valor_total, sum(i.quantidade) AS quantidade_total
              FROM item_pedido i JOIN pedido p ON p.id = i.pedido_id
              WHERE {NotCancelled}{sql.Window("p.data", start, end)}
              GROUP BY i.produto_id
              ORDER BY {sql.Key(sql.Sum("i.valor_total_venda"))} DESC, i.produto_id
              LIMIT {sql.P(rows)}
            ) x JOIN produto pr ON pr.id = x.produto_id
            """, cancellationToken);
        return [.. result.OrderByDescending(r => r.ValorTotal).ThenBy(r => r.ProdutoId)
            .Select(r => new RankingProdutoRow(r.ProdutoId, r.Nome, r.ValorTotal, r.QuantidadeTotal))];
    }

    public static async Task<List<RankingDiversidadeRow>> DiversidadeAsync(
        SapDbContext db, DateTime? start, DateTime? end, int rows, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var result = await sql.ListAsync<DiversidadeRow>($"""
            SELECT x.cliente_id, c.nome, x.produtos_diferentes, x.valor_total
            FROM (
              SELECT p.cliente_id, count(DISTINCT i.produto_id) AS produtos_diferentes, {sql.Sum("i.valor_total_venda")} AS valor_total
              FROM item_pedido i JOIN pedido p ON p.id = i.pedido_id
              WHERE {NotCancelled}{sql.Window("p.data", start, end)}
              GROUP BY p.cliente_id
              ORDER BY count(DISTINCT i.produto_id) DESC, p.cliente_id
              LIMIT {sql.P(rows)}
            ) x JOIN cliente c ON c.id = x.cliente_id
            """, cancellationToken);
        return [.. result.OrderByDescending(r => r.ProdutosDiferentes).ThenBy(r => r.ClienteId)
            .Select(r => new RankingDiversidadeRow(r.ClienteId, r.Nome, r.ProdutosDiferentes, r.ValorTotal))];
    }

    // The rows the SQL above returns, column for property (snake_case columns map to these names).
    private sealed record ClienteRankingRow(
        long ClienteId, string Nome, decimal ValorTotal, decimal CustoTotal, decimal LucroTotal, long TotalPedidos, long RankValor, long RankLucro);

    private sealed record ProdutoRankingRow(long ProdutoId, string Nome, decimal ValorTotal, long QuantidadeTotal);

    private sealed record DiversidadeRow(long ClienteId, string Nome, long ProdutosDiferentes, decimal ValorTotal);
}
