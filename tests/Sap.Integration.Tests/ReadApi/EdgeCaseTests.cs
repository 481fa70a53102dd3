using System.Net;
using System.Text.Json;

namespace Sap.Integration.Tests.ReadApi;

/// <summary>Hand-built data with hand-worked figures: the cases where a read is easiest to get wrong.</summary>
public sealed class EdgeCaseTests(PostgresServer postgres)
{
    private const string Admin = "ADMIN";

    private static DateOnly Today => Seed.Today;

    [Fact]
    public async Task An_empty_database_answers_zeros_and_empty_lists()
    {
        await using var app = await StartAsync();

        var dashboard = await Json(app, "api/vendedor/dashboard");
        Assert.Equal("""{"total_clientes":0,"sem_compra_7_dias":0,"sem_compra_15_dias":0,"sem_compra_30_dias":0}""", dashboard.GetProperty("resumo").GetRawText());
        Assert.Equal(0, dashboard.GetProperty("ranking_faturamento").GetArrayLength());
        Assert.Equal(0, dashboard.GetProperty("ranking_margem").GetArrayLength());
        Assert.Equal(0, dashboard.GetProperty("ranking_produtos").GetArrayLength());
        Assert.Equal("""{"inicio":null,"fim":null}""", dashboard.GetProperty("intervalo").GetRawText());

        var rankings = await Json(app, "api/vendedor/rankings");
        Assert.Equal(0, rankings.GetProperty("faturamento").GetArrayLength() + rankings.GetProperty("diversidade").GetArrayLength());
        Assert.Equal("todos", rankings.GetProperty("periodo").GetString());
        Assert.Equal("""{"clientes":[]}""", (await Json(app, "api/vendedor/clientes")).GetRawText());
        Assert.Equal("""{"clientes":[]}""", (await Json(app, "api/vendedor/clientes/busca?q=bar")).GetRawText());

        var apuracao = await Json(app, "api/apuracao");
        Assert.Equal(JsonValueKind.Null, apuracao.GetProperty("apuracao").ValueKind);
        Assert.Equal("""{"receita":0.00,"cpv":0.00,"pedidos_periodo":0,"pedidos_pagos":0}""", apuracao.GetProperty("calculado").GetRawText());
        Assert.Equal($"[{Today.Year}]", apuracao.GetProperty("anos_disponiveis").GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("api/vendedor/clientes/1", Admin)).Status);
    }

    [Fact]
    public async Task Cancelled_pedidos_count_in_no_figure_but_are_listed()
    {
        var (app, seed) = await SeededAsync();
        await using var _ = app;
        var produto = await seed.ProdutoAsync("Brahma Lata");
        var x = await seed.ClienteAsync("Cliente X");
        var onlyCancelled = await seed.ClienteAsync("Só Cancelado");
        var sold = await seed.PedidoAsync(x, Seed.Local(Today.AddDays(-20)), [(produto, 10, 10m, 6m)], aprovados: [100m]);
        var cancelled = await seed.PedidoAsync(x, Seed.Local(Today.AddDays(-2)), [(produto, 100, 10m, 6m)], cancelado: true);
        await seed.PedidoAsync(onlyCancelled, Seed.Local(Today.AddDays(-1)), [(produto, 5, 10m, 6m)], cancelado: true);

        var dashboard = await Json(app, "api/vendedor/dashboard");
        // X's last purchase is the sold pedido 20 days ago (the cancelled one of 2 days ago does not count).
        Assert.Equal("""{"total_clientes":2,"sem_compra_7_dias":0,"sem_compra_15_dias":1,"sem_compra_30_dias":0}""", dashboard.GetProperty("resumo").GetRawText());
        Assert.Equal($$"""[{"cliente_id":{{x}},"nome":"Cliente X","valor_total":100.00,"custo_total":60.00,"total_pedidos":1}]""",
            dashboard.GetProperty("ranking_faturamento").GetRawText());
        Assert.Equal($$"""[{"produto_id":{{produto}},"nome":"Brahma Lata","valor_total":100.00,"quantidade_total":10}]""",
            dashboard.GetProperty("ranking_produtos").GetRawText());

        var detail = await Json(app, $"api/vendedor/clientes/{x}");
        Assert.Equal(100m, detail.GetProperty("estatisticas").GetProperty("total_gasto").GetDecimal());
        Assert.Equal(1, detail.GetProperty("estatisticas").GetProperty("total_pedidos").GetInt32());
        Assert.Equal(sold, detail.GetProperty("estatisticas").GetProperty("ultimo_pedido").GetProperty("id").GetInt64());
        var listed = detail.GetProperty("pedidos").EnumerateArray().ToList();
        Assert.Equal([cancelled, sold], listed.Select(p => p.GetProperty("id").GetInt64()));
        Assert.Equal("Cancelado", listed[0].GetProperty("status").GetString());

        var clientes = (await Json(app, "api/vendedor/clientes")).GetProperty("clientes").EnumerateArray().ToList();
        var only = Assert.Single(clientes);
        Assert.Equal(x, only.GetProperty("id").GetInt64());
        Assert.Equal(20, only.GetProperty("dias_sem_comprar").GetInt32());
        Assert.Equal(100m, only.GetProperty("valor_ultima_compra").GetDecimal());

        var produtos = (await Json(app, $"api/vendedor/clientes/{x}/produtos")).GetProperty("produtos");
        Assert.Equal(10, Assert.Single(produtos.EnumerateArray()).GetProperty("quantidade_total").GetInt32());
    }

    [Fact]
    public async Task A_pedido_at_23_30_on_the_last_day_of_a_month_belongs_to_that_month()
    {
        var (app, seed) = await SeededAsync();
        await using var _ = app;
        var lastDay = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-2).AddDays(-1);
        var produto = await seed.ProdutoAsync("Skol Lata");
        var cliente = await seed.ClienteAsync("Bar da Virada");
        await seed.PedidoAsync(cliente, Seed.Local(lastDay, 23, 30), [(produto, 1, 500m, 300m)], aprovados: [500m]);

        var month = await Json(app, $"api/apuracao?mes={lastDay.Month}&ano={lastDay.Year}");
        Assert.Equal("""{"receita":500.00,"cpv":300.00,"pedidos_periodo":1,"pedidos_pagos":1}""", month.GetProperty("calculado").GetRawText());
        var next = lastDay.AddDays(1);
        var nextMonth = await Json(app, $"api/apuracao?mes={next.Month}&ano={next.Year}");
        Assert.Equal(0, nextMonth.GetProperty("calculado").GetProperty("pedidos_periodo").GetInt32());

        Assert.Equal(1, await RankedAsync(app, lastDay, lastDay));
        Assert.Equal(0, await RankedAsync(app, next, next));
        Assert.Equal(1, await RankedAsync(app, null, lastDay));
        Assert.Equal(0, await RankedAsync(app, next, null));
    }

    [Fact]
    public async Task Days_without_buying_fall_into_the_buckets_at_their_edges()
    {
        var (app, seed) = await SeededAsync();
        await using var _ = app;
        var produto = await seed.ProdutoAsync("Original 600");
        var byDays = new Dictionary<int, long>();
        foreach (var dias in new[] { 7, 8, 15, 16, 30, 31 })
        {
            var cliente = await seed.ClienteAsync($"Cliente {dias} dias");
            byDays[dias] = cliente;
            // Late at night on the edge day, and an older purchase too: only the last one counts.
            await seed.PedidoAsync(cliente, Seed.Local(Today.AddDays(-dias), 23, 30), [(produto, 1, 10m, 5m)], aprovados: [10m]);
            await seed.PedidoAsync(cliente, Seed.Local(Today.AddDays(-dias - 40), 0, 10), [(produto, 1, 10m, 5m)]);
        }

        await seed.ClienteAsync("Nunca Comprou");

        var resumo = (await Json(app, "api/vendedor/dashboard")).GetProperty("resumo").GetRawText();
        Assert.Equal("""{"total_clientes":7,"sem_compra_7_dias":2,"sem_compra_15_dias":2,"sem_compra_30_dias":1}""", resumo);

        Assert.Equal([byDays[15], byDays[8]], await ListedAsync(app, "7"));
        Assert.Equal([byDays[30], byDays[16]], await ListedAsync(app, "15"));
        Assert.Equal([byDays[31]], await ListedAsync(app, "30"));
        Assert.Equal([byDays[31], byDays[30], byDays[16], byDays[15], byDays[8], byDays[7]], await ListedAsync(app, "todos"));
    }

    [Fact]
    public async Task Reversed_dates_are_swapped()
    {
        var (app, seed) = await SeededAsync();
        await using var _ = app;
        var produto = await seed.ProdutoAsync("Guaraná 2L");
        var cliente = await seed.ClienteAsync("Mercado Central");
        await seed.PedidoAsync(cliente, Seed.Local(Today.AddDays(-10)), [(produto, 2, 7m, 4m)]);
        var (a, b) = (Today.AddDays(-12), Today.AddDays(-8));

        var ordered = await Json(app, $"api/vendedor/dashboard?data_inicio={a:yyyy-MM-dd}&data_fim={b:yyyy-MM-dd}");
        var reversed = await Json(app, $"api/vendedor/dashboard?data_inicio={b:yyyy-MM-dd}&data_fim={a:yyyy-MM-dd}");

        Assert.Equal(ordered.GetRawText(), reversed.GetRawText());
        Assert.Equal($$"""{"inicio":"{{a:yyyy-MM-dd}}","fim":"{{b:yyyy-MM-dd}}"}""", reversed.GetProperty("intervalo").GetRawText());
        Assert.Equal(1, reversed.GetProperty("ranking_faturamento").GetArrayLength());
    }

    [Fact]
    public async Task Ties_in_every_ranking_and_list_go_by_ascending_id()
    {
        var (app, seed) = await SeededAsync();
        await using var _ = app;
        var p1 = await seed.ProdutoAsync("Produto A");
        var p2 = await seed.ProdutoAsync("Produto B");
        var clientes = new List<long>();
        foreach (var nome in new[] { "Empate Um", "Empate Dois", "Empate Três" })
        {
            var c = await seed.ClienteAsync(nome);
            clientes.Add(c);
            // Identical sales, costs, diversity and last-purchase day for all three.
            await seed.PedidoAsync(c, Seed.Local(Today.AddDays(-9), 10), [(p1, 3, 10m, 6m), (p2, 3, 10m, 6m)]);
        }

        var dashboard = await Json(app, "api/vendedor/dashboard");
        Assert.Equal(clientes, Ids(dashboard.GetProperty("ranking_faturamento"), "cliente_id"));
        Assert.Equal(clientes, Ids(dashboard.GetProperty("ranking_margem"), "cliente_id"));
        Assert.Equal([p1, p2], Ids(dashboard.GetProperty("ranking_produtos"), "produto_id"));
        var rankings = await Json(app, "api/vendedor/rankings");
        Assert.Equal(clientes, Ids(rankings.GetProperty("diversidade"), "cliente_id"));
        Assert.Equal(clientes, Ids(rankings.GetProperty("faturamento"), "cliente_id"));
        Assert.Equal(clientes, await ListedAsync(app, "7"));
        var produtos = (await Json(app, $"api/vendedor/clientes/{clientes[0]}/produtos")).GetProperty("produtos");
        Assert.Equal([p1, p2], Ids(produtos, "produto_id"));
    }

    [Fact]
    public async Task A_cliente_without_pedidos_has_empty_statistics()
    {
        var (app, seed) = await SeededAsync();
        await using var _ = app;
        var id = await seed.ClienteAsync("José da Silva Conveniência", fantasia: "Zé Conveniência", telefone: "11999990000");

        var detail = await Json(app, $"api/vendedor/clientes/{id}");
        Assert.Equal(
            """{"total_gasto":0.00,"total_pedidos":0,"ticket_medio":0.00,"produtos_diferentes":0,"primeiro_pedido":null,"ultimo_pedido":null}""",
            detail.GetProperty("estatisticas").GetRawText());
        Assert.Equal(0, detail.GetProperty("pedidos").GetArrayLength());
        Assert.Equal("Zé Conveniência", detail.GetProperty("cliente").GetProperty("fantasia").GetString());
        Assert.Equal("""{"produtos":[]}""", (await Json(app, $"api/vendedor/clientes/{id}/produtos")).GetRawText());

        var found = (await Json(app, "api/vendedor/clientes/busca?q=jose")).GetProperty("clientes");
        Assert.Equal($$"""[{"id":{{id}},"nome":"José da Silva Conveniência","fantasia":"Zé Conveniência","ultima_compra":null,"valor_ultima_compra":null}]""",
            found.GetRawText());
        Assert.Equal(1, (await Json(app, "api/vendedor/clientes/busca?q=ZE%20CONV")).GetProperty("clientes").GetArrayLength());
    }

    [Fact]
    public async Task Apuracao_counts_only_fully_paid_pedidos_and_derives_the_stored_figures()
    {
        var (app, seed) = await SeededAsync();
        await using var _ = app;
        var produto = await seed.ProdutoAsync("Caixa 24");
        var cliente = await seed.ClienteAsync("Distribuidora Boa Vista");
        var paidMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-3);
        var partialMonth = paidMonth.AddMonths(1);

        // Two fully paid pedidos: 1000 (cost 700, paid 600 + 400) and 2000 (cost 1400).
        await seed.PedidoAsync(cliente, Seed.Local(paidMonth.AddDays(4)), [(produto, 10, 100m, 70m)], aprovados: [600m, 400m]);
        await seed.PedidoAsync(cliente, Seed.Local(paidMonth.AddDays(9)), [(produto, 20, 100m, 70m)], aprovados: [2000m]);
        // Next month: the same two, but the second is paid 1500 with a rejected 500: only the first counts.
        await seed.PedidoAsync(cliente, Seed.Local(partialMonth.AddDays(4)), [(produto, 10, 100m, 70m)], aprovados: [1000m]);
        await seed.PedidoAsync(cliente, Seed.Local(partialMonth.AddDays(9)), [(produto, 20, 100m, 70m)], aprovados: [1500m], rejeitados: [500m]);
        await seed.ApuracaoAsync(paidMonth.Year, paidMonth.Month, 50_000m, 35_000m, scann: 2_000m, outrosCustos: 1_000m, definitivo: true);

        var paid = await Json(app, $"api/apuracao?mes={paidMonth.Month}&ano={paidMonth.Year}");
        Assert.Equal("""{"receita":3000.00,"cpv":2100.00,"pedidos_periodo":2,"pedidos_pagos":2}""", paid.GetProperty("calculado").GetRawText());
        var stored = paid.GetProperty("apuracao");
        Assert.Equal(15_000m, stored.GetProperty("margem_bruta").GetDecimal());
        Assert.Equal(2_000m, stored.GetProperty("total_verbas").GetDecimal());
        Assert.Equal(16_000m, stored.GetProperty("resultado_liquido").GetDecimal());
        Assert.Equal(30m, stored.GetProperty("percentual_margem").GetDecimal());
        Assert.Equal("Definitivo", stored.GetProperty("status").GetString());
        Assert.Equal("""{"scann":2000.00,"plano_negocios":0.00,"time_ambev":0.00,"outras_receitas":0.00}""", stored.GetProperty("verbas").GetRawText());
        Assert.Equal($"[{paidMonth.Year}]", paid.GetProperty("anos_disponiveis").GetRawText());

        var partial = await Json(app, $"api/apuracao?mes={partialMonth.Month}&ano={partialMonth.Year}");
        Assert.Equal("""{"receita":1000.00,"cpv":700.00,"pedidos_periodo":2,"pedidos_pagos":1}""", partial.GetProperty("calculado").GetRawText());
        Assert.Equal(JsonValueKind.Null, partial.GetProperty("apuracao").ValueKind);
    }

    [Fact]
    public async Task Margin_ranking_sorts_by_profit_not_by_percentage()
    {
        var (app, seed) = await SeededAsync();
        await using var _ = app;
        var produto = await seed.ProdutoAsync("Fardo");
        var b = await seed.ClienteAsync("Cliente B");
        var a = await seed.ClienteAsync("Cliente A");
        await seed.PedidoAsync(a, Seed.Local(Today.AddDays(-3)), [(produto, 10, 100m, 70m)]);
        await seed.PedidoAsync(b, Seed.Local(Today.AddDays(-3)), [(produto, 10, 50m, 25m)]);

        var dashboard = await Json(app, "api/vendedor/dashboard");

        Assert.Equal($$"""[{"cliente_id":{{a}},"nome":"Cliente A","lucro_total":300.00,"margem_media":30.00},{"cliente_id":{{b}},"nome":"Cliente B","lucro_total":250.00,"margem_media":50.00}]""",
            dashboard.GetProperty("ranking_margem").GetRawText());
        Assert.Equal([a, b], Ids(dashboard.GetProperty("ranking_faturamento"), "cliente_id"));
    }

    private async Task<SapApp> StartAsync() => await SapApp.StartAsync(await TestDatabases.MigratedPostgresAsync(postgres));

    private async Task<(SapApp App, Seed Seed)> SeededAsync()
    {
        var app = await StartAsync();
        return (app, new Seed(app.Database));
    }

    private static async Task<JsonElement> Json(SapApp app, string path) => (await app.GetAsync(path, Admin)).Ok().Json;

    private static async Task<int> RankedAsync(SapApp app, DateOnly? inicio, DateOnly? fim)
    {
        var query = string.Join('&', new[] { ("data_inicio", inicio), ("data_fim", fim) }.Where(x => x.Item2 is not null).Select(x => $"{x.Item1}={x.Item2:yyyy-MM-dd}"));
        return (await Json(app, $"api/vendedor/dashboard?{query}")).GetProperty("ranking_faturamento").GetArrayLength();
    }

    private static async Task<List<long>> ListedAsync(SapApp app, string periodo) =>
        Ids((await Json(app, $"api/vendedor/clientes?periodo={periodo}")).GetProperty("clientes"), "id");

    private static List<long> Ids(JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(e => e.GetProperty(property).GetInt64())];
}
