using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;
using Sap.Domain.Pedidos;
using Sap.Domain.ReadModel;
using Sap.Domain.Text;
using Sap.Domain.Time;

namespace Sap.Domain.Vendedor;

/// <summary>
/// The vendedor screens' reads (SPEC §3), at most three commands each. Figures come from the sales read model
/// (ADR 7), kept current by the writes; only rankings over explicit dates add the pedidos up (<see cref="WindowRankings"/>).
/// Cancelled pedidos count in no sales figure.
/// </summary>
public sealed class VendedorQueries(IDbContextFactory<SapDbContext> contexts, BusinessCalendar calendar, TimeProvider clock, SalesReadModel readModel)
{
    public const int DashboardRows = 10;
    public const int RankingRows = 20;
    public const int BuscaRows = 10;

    public DateOnly Today => calendar.Today(clock);

    public async Task<DashboardResponse> DashboardAsync(DateFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var resumo = await ResumoAsync(db, cancellationToken);
        List<RankingFaturamentoRow> faturamento;
        List<RankingMargemRow> margem;
        List<RankingProdutoRow> produtos;
        if (filter.Inicio is null && filter.Fim is null)
        {
            (faturamento, _, margem) = await StoredClienteRankingsAsync(db, 0, DashboardRows, diversidade: false, cancellationToken);
            produtos = await StoredProdutoRankingAsync(db, 0, DashboardRows, cancellationToken);
        }
        else
        {
            var (start, end) = filter.ToUtc(calendar);
            (faturamento, margem) = await WindowRankings.ClienteRankingsAsync(db, start, end, DashboardRows, cancellationToken);
            produtos = await WindowRankings.ProdutoRankingAsync(db, start, end, DashboardRows, cancellationToken);
        }

        return new DashboardResponse(resumo, faturamento, margem, produtos, new Intervalo(filter.Inicio, filter.Fim));
    }

    /// <summary>
    /// The rankings of a window: a stored one (<paramref name="janela"/> days back from today, 0 for todos) or, when
    /// <paramref name="janela"/> is null, the explicit dates of <paramref name="filter"/>.
    /// </summary>
    public async Task<RankingsResponse> RankingsAsync(DateFilter filter, string periodo, int? janela, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (janela is { } dias)
        {
            if (dias > 0)
            {
                await readModel.CatchUpAsync(db, Today, cancellationToken);
            }

            var (faturamento, diversidade, margem) = await StoredClienteRankingsAsync(db, dias, RankingRows, diversidade: true, cancellationToken);
            return new RankingsResponse(faturamento, diversidade, margem, periodo, new Intervalo(filter.Inicio, filter.Fim));
        }

        var (start, end) = filter.ToUtc(calendar);
        var (windowFaturamento, windowMargem) = await WindowRankings.ClienteRankingsAsync(db, start, end, RankingRows, cancellationToken);
        var windowDiversidade = await WindowRankings.DiversidadeAsync(db, start, end, RankingRows, cancellationToken);
        return new RankingsResponse(windowFaturamento, windowDiversidade, windowMargem, periodo, new Intervalo(filter.Inicio, filter.Fim));
    }

    /// <summary>A cliente with its statistics and its newest pedidos; null when the id is unknown.</summary>
    public async Task<ClienteDetailResponse?> ClienteAsync(long id, int limite, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sql = new SapSql(db);
        var stats = (await sql.ListAsync<ClienteStatsRow>($"""
            SELECT c.id, c.nome, c.fantasia, c.endereco, c.cidade, c.cpf_cnpj, c.telefone,
                   coalesce(v.valor_centavos, 0) AS total_gasto_centavos, coalesce(v.pedidos, 0) AS total_pedidos,
                   coalesce(v.produtos, 0) AS produtos_diferentes, v.primeiro_pedido_id AS primeiro_id, v.primeira_compra AS primeiro_data,
                   v.ultimo_pedido_id AS ultimo_id, v.ultima_compra AS ultimo_data
            FROM cliente c LEFT JOIN venda_cliente v ON v.cliente_id = c.id
            WHERE c.id = {sql.P(id)}
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

        var totalGasto = Money.FromCents(stats.TotalGastoCentavos);
        var estatisticas = new ClienteEstatisticas(
            totalGasto,
            stats.TotalPedidos,
            VendedorFormulas.TicketMedio(totalGasto, stats.TotalPedidos),
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
            SELECT c.id, c.nome, c.fantasia, c.telefone, v.ultima_compra, v.valor_ultima_compra_centavos
            FROM venda_cliente v JOIN cliente c ON c.id = v.cliente_id
            WHERE v.pedidos > 0{sql.Window("v.ultima_compra", from, before)}
            """, cancellationToken);

        var clientes = rows
            .Select(r => new ClienteInatividade(r.Id, r.Nome, r.Fantasia, r.Telefone, Utc(r.UltimaCompra!.Value), Money.FromCents(r.ValorUltimaCompraCentavos!.Value),
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
            SELECT cp.produto_id, pr.nome, cp.quantidade AS quantidade_total, cp.valor_centavos, cp.ultima_compra
            FROM venda_cliente_produto cp JOIN produto pr ON pr.id = cp.produto_id
            WHERE cp.cliente_id = {sql.P(id)}
            """, cancellationToken);
        var produtos = rows
            .Select(r => new ClienteProduto(r.ProdutoId, r.Nome, r.QuantidadeTotal,
                VendedorFormulas.PrecoMedio(Money.FromCents(r.ValorCentavos), r.QuantidadeTotal), Utc(r.UltimaCompra)))
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
            SELECT c.id, c.nome, c.fantasia, c.telefone, v.ultima_compra, v.valor_ultima_compra_centavos
            FROM cliente c LEFT JOIN venda_cliente v ON v.cliente_id = c.id
            WHERE {sql.Fold("c.nome")} LIKE {pattern} ESCAPE '\' OR {sql.Fold("coalesce(c.fantasia, '')")} LIKE {pattern} ESCAPE '\'
            ORDER BY c.nome_chave, c.id
            LIMIT {BuscaRows}
            """, cancellationToken);
        return new BuscaResponse([.. rows.Select(r => new ClienteEncontrado(
            r.Id, r.Nome, r.Fantasia, r.UltimaCompra is { } u ? Utc(u) : null,
            r.ValorUltimaCompraCentavos is { } v ? Money.FromCents(v) : null))]);
    }

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
            FROM (SELECT v.ultima_compra AS ultima FROM venda_cliente v) x
            """, cancellationToken)).Single();
        return new DashboardResumo((int)row.TotalClientes, (int)row.SemCompra7, (int)row.SemCompra15, (int)row.SemCompra30);
    }

    /// <summary>The top clientes of a stored window by valor, by lucro and (for the rankings) by distinct produtos, in one command.</summary>
    private static async Task<(List<RankingFaturamentoRow> Faturamento, List<RankingDiversidadeRow> Diversidade, List<RankingMargemRow> Margem)>
        StoredClienteRankingsAsync(SapDbContext db, int dias, int rows, bool diversidade, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var (window, top) = (sql.P(dias), sql.P(rows));
        string Top(string lista, string order, string filter = "") => $"""
            SELECT * FROM (
              SELECT '{lista}' AS lista, r.cliente_id, c.nome, r.valor_centavos, r.custo_centavos, r.lucro_centavos, r.pedidos, r.produtos
              FROM ranking_cliente r JOIN cliente c ON c.id = r.cliente_id
              WHERE r.dias = {window}{filter}
              ORDER BY {order}, r.cliente_id
              LIMIT {top}) {lista}
            """;
        var lists = new List<string> { Top("f", "r.valor_centavos DESC"), Top("m", "r.lucro_centavos DESC") };
        if (diversidade)
        {
            lists.Add(Top("d", "r.produtos DESC", " AND r.produtos > 0"));
        }

        var result = await sql.ListAsync<StoredRankingRow>(string.Join("\nUNION ALL\n", lists), cancellationToken);
        IEnumerable<StoredRankingRow> List(string lista, Func<StoredRankingRow, long> key) =>
            result.Where(r => r.Lista == lista).OrderByDescending(key).ThenBy(r => r.ClienteId);
        return (
            [.. List("f", r => r.ValorCentavos).Select(r => new RankingFaturamentoRow(
                r.ClienteId, r.Nome, Money.FromCents(r.ValorCentavos), Money.FromCents(r.CustoCentavos), r.Pedidos))],
            [.. List("d", r => r.Produtos).Select(r => new RankingDiversidadeRow(r.ClienteId, r.Nome, r.Produtos, Money.FromCents(r.ValorCentavos)))],
            [.. List("m", r => r.LucroCentavos).Select(r => new RankingMargemRow(
                r.ClienteId, r.Nome, Money.FromCents(r.LucroCentavos),
                VendedorFormulas.MargemMedia(Money.FromCents(r.ValorCentavos), Money.FromCents(r.CustoCentavos))))]);
    }

    private static async Task<List<RankingProdutoRow>> StoredProdutoRankingAsync(SapDbContext db, int dias, int rows, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var result = await sql.ListAsync<StoredProdutoRow>($"""
            SELECT r.produto_id, pr.nome, r.valor_centavos, r.quantidade
            FROM ranking_produto r JOIN produto pr ON pr.id = r.produto_id
            WHERE r.dias = {sql.P(dias)}
            ORDER BY r.valor_centavos DESC, r.produto_id
            LIMIT {sql.P(rows)}
            """, cancellationToken);
        return [.. result.Select(r => new RankingProdutoRow(r.ProdutoId, r.Nome, Money.FromCents(r.ValorCentavos), r.Quantidade))];
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    // The rows the SQL above returns, column for property (snake_case columns map to these names).
    private sealed record ResumoRow(long TotalClientes, long SemCompra7, long SemCompra15, long SemCompra30);

    private sealed record StoredRankingRow(
        string Lista, long ClienteId, string Nome, long ValorCentavos, long CustoCentavos, long LucroCentavos, int Pedidos, int Produtos);

    private sealed record StoredProdutoRow(long ProdutoId, string Nome, long ValorCentavos, long Quantidade);

    private sealed record ClienteStatsRow(
        long Id, string Nome, string? Fantasia, string? Endereco, string? Cidade, string? CpfCnpj, string? Telefone,
        long TotalGastoCentavos, long TotalPedidos, long ProdutosDiferentes, long? PrimeiroId, DateTime? PrimeiroData, long? UltimoId, DateTime? UltimoData);

    private sealed record PedidoItemRow(
        long PedidoId, DateTime Data, decimal ValorTotal, decimal ValorPago, string Status,
        long? ItemId, long? ProdutoId, string? ProdutoNome, int? Quantidade, decimal? PrecoVenda, decimal? ValorTotalVenda);

    private sealed record UltimaCompraRow(long Id, string Nome, string? Fantasia, string? Telefone, DateTime? UltimaCompra, long? ValorUltimaCompraCentavos);

    private sealed record ClienteProdutoRow(long ProdutoId, string Nome, long QuantidadeTotal, long ValorCentavos, DateTime UltimaCompra);
}
