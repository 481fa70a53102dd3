using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;
using Sap.Domain.Time;

namespace Sap.Domain.Apuracoes;

/// <summary>The apuração read (SPEC §3): the stored month, what its pedidos add up to now, the years on file.</summary>
public sealed class ApuracaoQueries(IDbContextFactory<SapDbContext> contexts, BusinessCalendar calendar, TimeProvider clock)
{
    public DateOnly Today => calendar.Today(clock);

    public async Task<ApuracaoResponse> GetAsync(int ano, int mes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Apuracoes.AsNoTracking().SingleOrDefaultAsync(a => a.Ano == ano && a.Mes == mes, cancellationToken);
        var calculado = await CalculateAsync(db, ano, mes, cancellationToken);
        var anos = await db.Apuracoes.AsNoTracking().Select(a => a.Ano).Distinct().OrderByDescending(a => a).ToListAsync(cancellationToken);
        if (anos.Count == 0)
        {
            anos.Add(Today.Year);
        }

        return new ApuracaoResponse(
            new ApuracaoPeriodo(mes, ano, ApuracaoCalendar.MesNome(mes)),
            stored is null ? null : View(stored),
            calculado,
            anos);
    }

    /// <summary>
    /// The "calculado" block over the non-cancelled pedidos of the business month: a pedido whose approved payments
    /// reach its total (&gt; 0) adds its total and cost. Read from the month's row of the sales aggregates (ADR 7) plus
    /// the deltas writes left for it that were not folded yet; used by the read and by the apuração writes.
    /// </summary>
    public static async Task<ApuracaoCalculado> CalculateAsync(SapDbContext db, int ano, int mes, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var (a, m) = (sql.P(ano), sql.P(mes));
        var row = (await sql.ListAsync<MesRow>($"""
            SELECT CAST(coalesce(sum(x.receita_centavos), 0) AS bigint) AS receita_centavos, CAST(coalesce(sum(x.cpv_centavos), 0) AS bigint) AS cpv_centavos,
                   CAST(coalesce(sum(x.pedidos), 0) AS integer) AS pedidos, CAST(coalesce(sum(x.pedidos_pagos), 0) AS integer) AS pedidos_pagos
            FROM (
              SELECT receita_centavos, cpv_centavos, pedidos, pedidos_pagos FROM venda_mes WHERE ano = {a} AND mes = {m}
              UNION ALL
              SELECT receita_centavos, cpv_centavos, pedidos, pedidos_pagos FROM venda_mes_delta WHERE ano = {a} AND mes = {m}
            ) x
            """, cancellationToken)).Single();
        return new ApuracaoCalculado(Money.FromCents(row.ReceitaCentavos), Money.FromCents(row.CpvCentavos), row.Pedidos, row.PedidosPagos);
    }

    public static ApuracaoView View(Apuracao a)
    {
        var f = a.Figures;
        return new ApuracaoView(
            a.Id, a.Mes, a.Ano, ApuracaoCalendar.MesNome(a.Mes), a.ReceitaTotal, a.CustoProdutos,
            new ApuracaoVerbas(a.VerbaScann, a.VerbaPlanoNegocios, a.VerbaTimeAmbev, a.VerbaOutrasReceitas),
            f.TotalVerbas, a.OutrosCustos, f.MargemBruta, f.ResultadoLiquido, f.PercentualMargem,
            a.Definitivo, ApuracaoCalendar.StatusText(a.Definitivo), a.DataCriacao, a.DataAtualizacao);
    }

    private sealed record MesRow(long ReceitaCentavos, long CpvCentavos, int Pedidos, int PedidosPagos);
}
