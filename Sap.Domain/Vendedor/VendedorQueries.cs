using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;
using Sap.Domain.Pedidos;
using Sap.Domain.ReadModel;
using Sap.Domain.Text;
using Sap.Domain.Time;

namespace Sap.Domain.Vendedor;

/// <summary>
/// The vendedor screens' reads (SPEC §3), at most three commands each. Figures come from the sales aggregates
/// (ADR 7), kept current by the writes, for any window (<see cref="WindowRankings"/>). Cancelled pedidos count in no
/// sales figure.
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
        var plan = await PlanAsync(db, filter, cancellationToken);
        var (faturamento, _, margem) = await WindowRankings.ClientesAsync(db, plan, DashboardRows, diversidade: false, cancellationToken);
        var produtos = await WindowRankings.ProdutosAsync(db, plan, DashboardRows, cancellationToken);
        return new DashboardResponse(resumo, faturamento, margem, produtos, new Intervalo(filter.Inicio, filter.Fim));
    }

    /// <summary>The rankings of a window: a periodo counted back from today, or explicit dates (<see cref="DateFilter.For"/>).</summary>
    public async Task<RankingsResponse> RankingsAsync(DateFilter filter, string periodo, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await PlanAsync(db, filter, cancellationToken);
        var (faturamento, diversidade, margem) = await WindowRankings.ClientesAsync(db, plan, RankingRows, diversidade: true, cancellationToken);
        return new RankingsResponse(faturamento, diversidade, margem, periodo, new Intervalo(filter.Inicio, filter.Fim));
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
        // dias > 7 means the last purchase's business date is before today − 7, i.e. the instant is before that day starts;
        // only those clientes fall in a bucket, so only they are read (by index: most clientes bought this week).
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
            FROM (SELECT v.ultima_compra AS ultima FROM venda_cliente v WHERE v.ultima_compra < {t7}) x
            """, cancellationToken)).Single();
        return new DashboardResumo((int)row.TotalClientes, (int)row.SemCompra7, (int)row.SemCompra15, (int)row.SemCompra30);
    }

    /// <summary>How the window is read; a moving window is first rolled to today if this process has not seen it there.</summary>
    private async Task<WindowPlan> PlanAsync(SapDbContext db, DateFilter filter, CancellationToken cancellationToken)
    {
        var today = Today;
        var plan = WindowPlan.Of(filter.Inicio, filter.Fim, today);
        if (plan.Stored is { } stored && JanelasMoveis.Keys.Contains(stored.Key))
        {
            await readModel.CatchUpAsync(db, today, cancellationToken);
        }

        return plan;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    // The rows the SQL above returns, column for property (snake_case columns map to these names).
    private sealed record ResumoRow(long TotalClientes, long SemCompra7, long SemCompra15, long SemCompra30);

    private sealed record ClienteStatsRow(
        long Id, string Nome, string? Fantasia, string? Endereco, string? Cidade, string? CpfCnpj, string? Telefone,
        long TotalGastoCentavos, long TotalPedidos, long ProdutosDiferentes, long? PrimeiroId, DateTime? PrimeiroData, long? UltimoId, DateTime? UltimoData);

    private sealed record PedidoItemRow(
        long PedidoId, DateTime Data, decimal ValorTotal, decimal ValorPago, string Status,
        long? ItemId, long? ProdutoId, string? ProdutoNome, int? Quantidade, decimal? PrecoVenda, decimal? ValorTotalVenda);

    private sealed record UltimaCompraRow(long Id, string Nome, string? Fantasia, string? Telefone, DateTime? UltimaCompra, long? ValorUltimaCompraCentavos);

    private sealed record ClienteProdutoRow(long ProdutoId, string Nome, long QuantidadeTotal, long ValorCentavos, DateTime UltimaCompra);
}
