using Sap.Domain.Events;

namespace Sap.Domain.Tests;

public sealed class CacheTagsTests
{
    private static readonly EventData PedidoOfCliente7InAugust = new() { PedidoId = 1, ClienteId = 7, MesNegocio = "2025-08" };

    [Fact]
    public void A_pedido_of_cliente_7_in_august_changes_sales_cliente_7_and_august_only()
    {
        var tags = CacheTags.Changed(EventTypes.PedidoCriado, PedidoOfCliente7InAugust);

        Assert.Equal(["vendas", "vendas:2025-08", "apuracao:2025-08", "cliente:7"], tags);
        Assert.DoesNotContain(CacheTags.Cliente(8), tags);
        Assert.DoesNotContain(CacheTags.Apuracao(2025, 7), tags);
    }

    [Fact]
    public void Spec_5s_example_holds_between_the_reads_and_the_events_of_the_table()
    {
        // A pedido of cliente 7 in August 2025 invalidates the dashboard, the rankings, cliente 7's reads and the
        // apuração of 2025-08; not cliente 8's detail, not the apuração of 2025-07 (SPEC §5, worked by hand).
        var changed = CacheTags.Changed(EventTypes.PedidoCriado, PedidoOfCliente7InAugust).ToHashSet();
        bool Invalidates(IReadOnlyList<string> read) => read.Any(changed.Contains);

        Assert.True(Invalidates(CacheTags.DashboardRead()));
        Assert.True(Invalidates(CacheTags.RankingsRead(null, null)));
        Assert.True(Invalidates(CacheTags.RankingsRead(new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 31))));
        Assert.True(Invalidates(CacheTags.ClienteRead(7)));
        Assert.True(Invalidates(CacheTags.ApuracaoRead(2025, 8)));
        Assert.False(Invalidates(CacheTags.ClienteRead(8)));
        Assert.False(Invalidates(CacheTags.ApuracaoRead(2025, 7)));
        Assert.False(Invalidates(CacheTags.RankingsRead(new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 31))));
    }

    [Fact]
    public void A_payment_changes_the_apuracao_and_the_cliente_but_no_sales_figure()
    {
        var tags = CacheTags.Changed(EventTypes.PagamentoAprovado, PedidoOfCliente7InAugust with { PagamentoId = 3 });

        Assert.Equal(["apuracao:2025-08", "cliente:7"], tags);
    }

    [Fact]
    public void A_new_produto_changes_nothing_cached()
    {
        Assert.Empty(CacheTags.Changed(EventTypes.ProdutoCriado, new EventData { ProdutoId = 1 }));
        Assert.Equal(["produtos"], CacheTags.Changed(EventTypes.ProdutoAtualizado, new EventData { ProdutoId = 1 }));
    }

    [Fact]
    public void An_apuracao_changes_the_year_list_only_when_its_year_appears_or_disappears()
    {
        var data = new EventData { ApuracaoId = 1, Ano = 2025, Mes = 8 };

        Assert.Equal(["apuracao:2025-08"], CacheTags.Changed(EventTypes.ApuracaoCriada, data with { AnosAlterados = false }));
        Assert.Equal(["apuracao:2025-08", "apuracao:anos"], CacheTags.Changed(EventTypes.ApuracaoCriada, data with { AnosAlterados = true }));
        Assert.Equal(["apuracao:2025-08", "apuracao:anos"], CacheTags.Changed(EventTypes.ApuracaoExcluida, data));
        Assert.Equal(["apuracao:2025-08"], CacheTags.Changed(EventTypes.ApuracaoAtualizada, data));
    }

    [Fact]
    public void Unknown_types_and_missing_data_change_nothing_they_cannot_locate()
    {
        Assert.Empty(CacheTags.Changed("pedido.apagado", PedidoOfCliente7InAugust));
        Assert.Equal(["vendas"], CacheTags.Changed(EventTypes.PedidoCancelado, new EventData { MesNegocio = "2025-13" }));
    }

    [Theory]
    [InlineData("2025-08-01", "2025-08-31", new[] { "vendas:2025-08" })]
    [InlineData("2025-07-15", "2025-09-02", new[] { "vendas:2025-07", "vendas:2025-08", "vendas:2025-09" })]
    [InlineData("2024-12-20", "2025-01-05", new[] { "vendas:2024-12", "vendas:2025-01" })]
    public void A_bounded_window_is_tagged_with_each_month_it_covers(string inicio, string fim, string[] expected) =>
        Assert.Equal(expected, CacheTags.VendasWindow(DateOnly.Parse(inicio, CultureInfo.InvariantCulture), DateOnly.Parse(fim, CultureInfo.InvariantCulture)));

    [Fact]
    public void Open_or_very_wide_windows_depend_on_all_sales()
    {
        Assert.Equal(["vendas"], CacheTags.VendasWindow(null, new DateOnly(2025, 8, 1)));
        Assert.Equal(["vendas"], CacheTags.VendasWindow(new DateOnly(2020, 1, 1), new DateOnly(2025, 8, 1)));
    }

    [Fact]
    public void Events_round_trip_as_cloud_events()
    {
        var original = new CloudEvent("1.0", "id-1", "/sap", EventTypes.PedidoCriado, new DateTime(2025, 8, 31, 12, 0, 0, DateTimeKind.Utc),
            "application/json", "req-1", PedidoOfCliente7InAugust);

        var json = EventJson.Serialize(original);

        Assert.Contains("\"specversion\":\"1.0\"", json, StringComparison.Ordinal);
        Assert.Contains("\"requestid\":\"req-1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mes_negocio\":\"2025-08\"", json, StringComparison.Ordinal);
        Assert.Equal(original, EventJson.TryParse(json));
        Assert.Null(EventJson.TryParse("not json"));
        Assert.Null(EventJson.TryParse("""{"specversion":"0.3","id":"x","type":"pedido.criado","data":{}}"""));
    }
}
