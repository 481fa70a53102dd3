using Sap.Domain.Data;
using Sap.Domain.ReadModel;
using Sap.Domain.Time;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>
/// Hand-built rows for edge cases, inserted with plain SQL. A pedido's stored totals are worked out here from
/// the itens and payments given, so the API's figures are checked against numbers the test itself chose; the
/// sales read model is rebuilt after each pedido.
/// </summary>
public sealed class Seed(DatabaseSettings db)
{
    public static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    public DatabaseSettings Database => db;

    /// <summary>The test run's date in São Paulo (<see cref="TestClock"/>), worked out independently of Sap's calendar.</summary>
    public static DateOnly Today => TestClock.Today;

    /// <summary>The UTC instant of a São Paulo local time.</summary>
    public static DateTime Local(DateOnly date, int hour = 12, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(hour, minute)), SaoPaulo);

    /// <summary>
    /// A São Paulo local time that is never after the run's now: today at a later hour than it is becomes a minute ago
    /// (still today unless the run began in the day's first minute), since Sap refuses a pedido dated in the future.
    /// </summary>
    public static DateTime Past(DateOnly date, int hour = 12, int minute = 0)
    {
        var instant = Local(date, hour, minute);
        var latest = TestClock.Now.AddMinutes(-1);
        return instant < latest ? instant : latest;
    }

    public Task<long> ClienteAsync(string nome, string? fantasia = null, string? telefone = null) =>
        Sql.InsertAsync(db, "cliente",
            ("nome", nome), ("nome_chave", nome.Trim().ToLowerInvariant()), ("fantasia", fantasia), ("telefone", telefone),
            ("data_cadastro", TestClock.Now));

    public Task<long> ProdutoAsync(string nome, decimal precoCompra = 1m, string categoria = "CERVEJA") =>
        Sql.InsertAsync(db, "produto",
            ("nome", nome), ("nome_chave", nome.ToLowerInvariant()), ("categoria", categoria), ("preco_medio_compra", precoCompra));

    /// <summary>A pedido with its itens and payments; status from them unless cancelled or given.</summary>
    public async Task<long> PedidoAsync(
        long clienteId,
        DateTime data,
        (long Produto, int Quantidade, decimal Venda, decimal Compra)[] itens,
        decimal[]? aprovados = null,
        decimal[]? rejeitados = null,
        bool cancelado = false,
        string? status = null)
    {
        var total = itens.Sum(i => i.Quantidade * i.Venda);
        var custo = itens.Sum(i => i.Quantidade * i.Compra);
        var pago = (aprovados ?? []).Sum();
        status ??= cancelado ? "Cancelado" : total > 0 && pago >= total ? "Pagamento Aprovado" : "Pendente";
        var id = await Sql.InsertAsync(db, "pedido",
            ("cliente_id", clienteId), ("data", data), ("status", status), ("confirmado_comercial", false), ("versao", 0),
            ("valor_total", total), ("custo_total", custo), ("valor_pago", pago));
        foreach (var (produto, quantidade, venda, compra) in itens)
        {
            await Sql.InsertAsync(db, "item_pedido",
                ("pedido_id", id), ("produto_id", produto), ("quantidade", quantidade), ("preco_venda", venda), ("preco_compra", compra),
                ("valor_total_venda", quantidade * venda), ("valor_total_compra", quantidade * compra),
                ("lucro_bruto", (quantidade * venda) - (quantidade * compra)));
        }

        foreach (var (valor, state) in (aprovados ?? []).Select(v => (v, "aprovado")).Concat((rejeitados ?? []).Select(v => (v, "rejeitado"))))
        {
            await Sql.InsertAsync(db, "pagamento",
                ("pedido_id", id), ("valor", valor), ("data_pagamento", data), ("metodo_pagamento", "Pix"), ("status", state));
        }

        await RefreshReadModelAsync();
        return id;
    }

    /// <summary>
    /// Rows inserted here bypass Sap's writes, which keep the sales read model current; so it is rebuilt from all
    /// pedidos afterwards, as the migrator does after a bulk load or a manual fix.
    /// </summary>
    public async Task RefreshReadModelAsync(DateOnly? asOf = null)
    {
        await using var context = SapDatabase.CreateContext(db);
        await new SalesReadModel(BusinessCalendar.SaoPaulo).RebuildAsync(context, asOf ?? Today, CancellationToken.None);
    }

    public Task<long> ApuracaoAsync(
        int ano, int mes, decimal receita, decimal custo, decimal scann = 0, decimal plano = 0, decimal timeAmbev = 0,
        decimal outras = 0, decimal outrosCustos = 0, bool definitivo = false) =>
        Sql.InsertAsync(db, "apuracao",
            ("mes", mes), ("ano", ano), ("receita_total", receita), ("custo_produtos", custo), ("verba_scann", scann),
            ("verba_plano_negocios", plano), ("verba_time_ambev", timeAmbev), ("verba_outras_receitas", outras),
            ("outros_custos", outrosCustos), ("definitivo", definitivo), ("data_criacao", TestClock.Now),
            ("data_atualizacao", TestClock.Now), ("criado_por", "tests"));
}
