using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;
using Sap.Domain.Pedidos;
using Sap.Domain.Text;
using Sap.Domain.Time;

namespace Sap.Domain.Vendedor;

/// <summary>
/// The vendedor screens' reads (SPEC §3). Every figure is computed in SQL over the stored pedido totals
/// (ADR 2), at most three commands per read, and excludes cancelled pedidos wherever it is a sales figure.
/// </summary>
public sealed class VendedorQueries(IDbContextFactory<SapDbContext> contexts, BusinessCalendar calendar, TimeProvider clock)
{
    public const int DashboardRows = 10;
    public const int RankingRows = 20;
    public const int BuscaRows = 10;

    private const string NotCancelled = "p.status <> 'Cancelado'";

    public DateOnly Today => calendar.Today(clock);

    public async Task<DashboardResponse> DashboardAsync(DateFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var resumo = await ResumoAsync(db, cancellationToken);
        var (start, end) = filter.ToUtc(calendar);
        var (faturamento, margem) = await ClienteRankingsAsync(db, start, end, DashboardRows, cancellationToken);
        var produtos = await ProdutoRankingAsync(db, start, end, DashboardRows, cancellationToken);
        return new DashboardResponse(resumo, faturamento, margem, produtos, new Intervalo(filter.Inicio, filter.Fim));
    }

    public async Task<RankingsResponse> RankingsAsync(DateFilter filter, string periodo, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (start, end) = filter.ToUtc(calendar);
        var (faturamento, margem) = await ClienteRankingsAsync(db, start, end, RankingRows, cancellationToken);
        var diversidade = await DiversidadeAsync(db, start, end, cancellationToken);
        return new RankingsResponse(faturamento, diversidade, margem, periodo, new Intervalo(filter.Inicio, filter.Fim));
    }

    /// <summary>A cliente with its statistics and its newest pedidos; null when the id is unknown.</summary>
    public async Task<ClienteDetailResponse?> ClienteAsync(long id, int limite, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sql = new SapSql(db);
        var stats = (await sql.ListAsync<ClienteStatsRow>($"""
            SELECT c.id, c.nome, c.fantasia, c.endereco, c.cidade, c.cpf_cnpj, c.telefone,
              (SELECT {sql.Sum("p.valor_total")} FROM pedido p WHERE p.cliente_id = c.id AND {NotCancelled}) AS total_gasto,
              (SELECT count(*) FROM pedido p WHERE p.cliente_id = c.id AND {NotCancelled}) AS total_pedidos,
              (SELECT count(DISTINCT i.produto_id) FROM item_pedido i JOIN pedido p ON p.id = i.pedido_id
                WHERE p.cliente_id = c.id AND {NotCancelled}) AS produtos_diferentes,
              (SELECT p.id FROM pedido p WHERE p.cliente_id = c.id AND {NotCancelled} ORDER BY p.data, p.id LIMIT 1) AS primeiro_id,
              (SELECT p.data FROM pedido p WHERE p.cliente_id = c.id AND {NotCancelled} ORDER BY p.data, p.id LIMIT 1) AS primeiro_data,
              (SELECT p.id FROM pedido p WHERE p.cliente_id = c.id AND {NotCancelled} ORDER BY p.data DESC, p.id LIMIT 1) AS ultimo_id,
              (SELECT p.data FROM pedido p WHERE p.cliente_id = c.id AND {NotCancelled} ORDER BY p.data DESC, p.id LIMIT 1) AS ultimo_data
            FROM cliente c WHERE c.id = {sql.P(id)}
            """, cancellationToken)).SingleOrDefault();
        if (stats is null)
        {
            return null;
        }

        sql = new SapSql(db);
        var lines = await sql.ListAsync<PedidoItemRow>($"""
            SELECT p.id AS pedido_id, p.data, p.valor_total, p.valor_pago, p.status,
                   i.id AS item_id, i.produto_id, pr.nome AS produto_nome, i.quantidade, i.preco_venda, i.valor_total_venda
            FROM (SELECT * FROM pedido WHERE cliente_id = {sql.P(id)} ORDER BY data DESC, id LIMIT {sql.P(limite)}) p
            LEFT JOIN item_pedido i ON i.pedido_id = p.id
            LEFT JOIN produto pr ON pr.id = i.produto_id
            ORDER BY p.data DESC, p.id, i.id
            """, cancellationToken);

        var pedidos = lines
            .GroupBy(l => l.PedidoId)
            .Select(g =>
            {
                var p = g.First();
                var itens = g.Where(l => l.ItemId is not null)
                    .Select(l => new ItemResumo(l.ProdutoId!.Value, l.ProdutoNome!, l.Quantidade!.Value, l.PrecoVenda!.Value, l.ValorTotalVenda!.Value))
                    .ToList();
                return new PedidoResumo(p.PedidoId, Utc(p.Data), p.ValorTotal, p.Status,
                    PedidoRules.PaymentStatusText(PedidoRules.PaymentStatus(p.ValorTotal, p.ValorPago)), itens);
            })
            .ToList();

        var estatisticas = new ClienteEstatisticas(
            stats.TotalGasto,
            stats.TotalPedidos,
            VendedorFormulas.TicketMedio(stats.TotalGasto, stats.TotalPedidos),
            stats.ProdutosDiferentes,
            stats.PrimeiroId is { } pid ? new PedidoRef(pid, Utc(stats.PrimeiroData!.Value)) : null,
            stats.UltimoId is { } uid ? new PedidoRef(uid, Utc(stats.UltimoData!.Value)) : null);
        var cliente = new ClienteInfo(stats.Id, stats.Nome, stats.Fantasia, stats.Endereco, stats.Cidade, stats.CpfCnpj, stats.Telefone);
        return new ClienteDetailResponse(cliente, estatisticas, pedidos);
    }

    /// <summary>Clientes with a non-cancelled pedido whose days without buying fall in the bucket (all when null), most days first.</summary>
    public async Task<ClientesResponse> ClientesAsync(SemCompraBucket? bucket, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var (from, before) = bucket switch
        {
            SemCompraBucket.Dias7 => ((DateTime?)calendar.StartOfDayUtc(today.AddDays(-15)), (DateTime?)calendar.StartOfDayUtc(today.AddDays(-7))),
            SemCompraBucket.Dias15 => (calendar.StartOfDayUtc(today.AddDays(-30)), calendar.StartOfDayUtc(today.AddDays(-15))),
            SemCompraBucket.Dias30 => (null, calendar.StartOfDayUtc(today.AddDays(-30))),
            _ => (null, null),
        };
        var sql = new SapSql(db);
        var rows = await sql.ListAsync<UltimaCompraRow>($"""
            SELECT c.id, c.nome, c.fantasia, c.telefone, u.data AS ultima_compra, u.valor_total AS valor_ultima_compra
            FROM ({LastPurchases()}) u JOIN cliente c ON c.id = u.cliente_id
            WHERE u.rn = 1{sql.Window("u.data", from, before)}
            """, cancellationToken);

        var clientes = rows
            .Select(r => new ClienteInatividade(r.Id, r.Nome, r.Fantasia, r.Telefone, Utc(r.UltimaCompra!.Value), r.ValorUltimaCompra!.Value,
                calendar.DaysBetween(r.UltimaCompra.Value, today)))
            .OrderByDescending(c => c.DiasSemComprar)
            .ThenBy(c => c.Id)
            .ToList();
        return new ClientesResponse(clientes);
    }

    /// <summary>What the cliente bought in non-cancelled pedidos, per produto, most units first; null when the id is unknown.</summary>
    public async Task<ClienteProdutosResponse?> ClienteProdutosAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Clientes.AsNoTracking().AnyAsync(c => c.Id == id, cancellationToken))
        {
            return null;
        }

        var sql = new SapSql(db);
        var rows = await sql.ListAsync<ClienteProdutoRow>($"""
            SELECT i.produto_id, pr.nome, sum(i.quantidade) AS quantidade_total, {sql.Sum("i.valor_total_venda")} AS valor_total,
                   max(p.data) AS ultima_compra
            FROM item_pedido i JOIN pedido p ON p.id = i.pedido_id JOIN produto pr ON pr.id = i.produto_id
            WHERE p.cliente_id = {sql.P(id)} AND {NotCancelled}
            GROUP BY i.produto_id, pr.nome
            """, cancellationToken);
        var produtos = rows
            .Select(r => new ClienteProduto(r.ProdutoId, r.Nome, r.QuantidadeTotal,
                VendedorFormulas.PrecoMedio(r.ValorTotal, r.QuantidadeTotal), Utc(r.UltimaCompra)))
            .OrderByDescending(p => p.QuantidadeTotal)
            .ThenBy(p => p.ProdutoId)
            .ToList();
        return new ClienteProdutosResponse(produtos);
    }

    /// <summary>Up to ten clientes whose nome or fantasia contains the text, ignoring case and accents.</summary>
    public async Task<BuscaResponse> BuscaAsync(string? q, CancellationToken cancellationToken)
    {
        var term = SearchText.Fold(q?.Trim() ?? "");
        if (term.Length == 0)
        {
            return new BuscaResponse([]);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sql = new SapSql(db);
        var pattern = sql.P("%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
        var rows = await sql.ListAsync<UltimaCompraRow>($"""
            SELECT c.id, c.nome, c.fantasia, c.telefone, u.data AS ultima_compra, u.valor_total AS valor_ultima_compra
            FROM cliente c LEFT JOIN ({LastPurchases()}) u ON u.cliente_id = c.id AND u.rn = 1
            WHERE {sql.Fold("c.nome")} LIKE {pattern} ESCAPE '\' OR {sql.Fold("coalesce(c.fantasia, '')")} LIKE {pattern} ESCAPE '\'
            ORDER BY c.nome_chave, c.id
            LIMIT {BuscaRows}
            """, cancellationToken);
        return new BuscaResponse([.. rows.Select(r => new ClienteEncontrado(
            r.Id, r.Nome, r.Fantasia, r.UltimaCompra is { } u ? Utc(u) : null, r.ValorUltimaCompra))]);
    }

    /// <summary>Each cliente's non-cancelled pedidos numbered newest first (rn = 1 is the last purchase; ties by id).</summary>
    private static string LastPurchases() => $"""
        SELECT p.cliente_id, p.data, p.valor_total, row_number() OVER (PARTITION BY p.cliente_id ORDER BY p.data DESC, p.id) AS rn
        FROM pedido p WHERE {NotCancelled}
        """;

    private async Task<DashboardResumo> ResumoAsync(SapDbContext db, CancellationToken cancellationToken)
    {
        // dias > 7 means the last purchase's business date is before today − 7, i.e. the instant is before that day starts.
        var today = Today;
        var sql = new SapSql(db);
        var t7 = sql.P(calendar.StartOfDayUtc(today.AddDays(-7)));
        var t15 = sql.P(calendar.StartOfDayUtc(today.AddDays(-15)));
        var t30 = sql.P(calendar.StartOfDayUtc(today.AddDays(-30)));
        var row = (await sql.ListAsync<ResumoRow>($"""
            SELECT (SELECT count(*) FROM cliente) AS total_clientes,
                   coalesce(sum(CASE WHEN x.ultima >= {t15} AND x.ultima < {t7} THEN 1 ELSE 0 END), 0) AS sem_compra7,
                   coalesce(sum(CASE WHEN x.ultima >= {t30} AND x.ultima < {t15} THEN 1 ELSE 0 END), 0) AS sem_compra15,
                   coalesce(sum(CASE WHEN x.ultima < {t30} THEN 1 ELSE 0 END), 0) AS sem_compra30
            FROM (SELECT max(p.data) AS ultima FROM pedido p WHERE {NotCancelled} GROUP BY p.cliente_id) x
            """, cancellationToken)).Single();
        return new DashboardResumo((int)row.TotalClientes, (int)row.SemCompra7, (int)row.SemCompra15, (int)row.SemCompra30);
    }

    /// <summary>The top clientes by valor_total and by lucro_total in one command (each list ties by id).</summary>
    private static async Task<(List<RankingFaturamentoRow> Faturamento, List<RankingMargemRow> Margem)> ClienteRankingsAsync(
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

    private static async Task<List<RankingProdutoRow>> ProdutoRankingAsync(
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

    private static async Task<List<RankingDiversidadeRow>> DiversidadeAsync(
        SapDbContext db, DateTime? start, DateTime? end, CancellationToken cancellationToken)
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
              LIMIT {sql.P(RankingRows)}
            ) x JOIN cliente c ON c.id = x.cliente_id
            """, cancellationToken);
        return [.. result.OrderByDescending(r => r.ProdutosDiferentes).ThenBy(r => r.ClienteId)
            .Select(r => new RankingDiversidadeRow(r.ClienteId, r.Nome, r.ProdutosDiferentes, r.ValorTotal))];
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    // The rows the SQL above returns, column for property (snake_case columns map to these names).
    private sealed record ResumoRow(long TotalClientes, long SemCompra7, long SemCompra15, long SemCompra30);

    private sealed record ClienteRankingRow(
        long ClienteId, string Nome, decimal ValorTotal, decimal CustoTotal, decimal LucroTotal, long TotalPedidos, long RankValor, long RankLucro);

    private sealed record ProdutoRankingRow(long ProdutoId, string Nome, decimal ValorTotal, long QuantidadeTotal);

    private sealed record DiversidadeRow(long ClienteId, string Nome, long ProdutosDiferentes, decimal ValorTotal);

    private sealed record ClienteStatsRow(
        long Id, string Nome, string? Fantasia, string? Endereco, string? Cidade, string? CpfCnpj, string? Telefone,
        decimal TotalGasto, long TotalPedidos, long ProdutosDiferentes, long? PrimeiroId, DateTime? PrimeiroData, long? UltimoId, DateTime? UltimoData);

    private sealed record PedidoItemRow(
        long PedidoId, DateTime Data, decimal ValorTotal, decimal ValorPago, string Status,
        long? ItemId, long? ProdutoId, string? ProdutoNome, int? Quantidade, decimal? PrecoVenda, decimal? ValorTotalVenda);

    private sealed record UltimaCompraRow(long Id, string Nome, string? Fantasia, string? Telefone, DateTime? UltimaCompra, decimal? ValorUltimaCompra);

    private sealed record ClienteProdutoRow(long ProdutoId, string Nome, long QuantidadeTotal, decimal ValorTotal, DateTime UltimaCompra);
}
