using System.Net;
using System.Text.Json;
using Sap.Domain.Data;

namespace Sap.Integration.Tests.WriteApi;

/// <summary>SPEC §4 over HTTP on PostgreSQL: every write with its audit row and event, every rule refused without a trace.</summary>
public sealed class WriteApiTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string Admin = "ADMIN";

    private SapApp app = null!;
    private Seed seed = null!;
    private long cliente;
    private long produto;

    public async ValueTask InitializeAsync()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        app = await SapApp.StartAsync(db);
        seed = new Seed(db);
        cliente = await seed.ClienteAsync("Bar do Cliente");
        produto = await seed.ProdutoAsync("Brahma Lata 350", precoCompra: 2.50m);
        await Sql.ExecuteAsync(db, $"INSERT INTO estoque (produto_id, quantidade, conferente, data_conferencia, data_entrada, data_modificacao, status) VALUES ({produto}, 5, 't', now(), now(), now(), 'Contagem')");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_pedido_goes_from_sale_to_payment_to_pickup_with_an_audit_row_and_an_event_for_every_step()
    {
        var created = await app.PostAsync("api/pedidos", $$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produto}},"quantidade":4,"preco_venda":32.50}]}""", "VENDEDOR");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var pedido = created.Json.GetProperty("id").GetInt64();
        Assert.Equal($"/api/pedidos/{pedido}", created.Headers["Location"]);
        Assert.Equal(130.00m, created.Json.GetProperty("valor_total").GetDecimal()); // 4 × 32.50
        Assert.Equal(10.00m, created.Json.GetProperty("custo_total").GetDecimal()); // 4 × 2.50, the produto's cost now
        Assert.Equal("Pendente", created.Json.GetProperty("status").GetString());

        var partial = await app.PostAsync($"api/pedidos/{pedido}/pagamentos", """{"valor":30.00,"metodo_pagamento":"Pix","id_transacao":"TX-1"}""", "FINANCEIRO");
        Assert.Equal(HttpStatusCode.Created, partial.Status);
        Assert.Equal("Pendente", partial.Json.GetProperty("pedido_status").GetString());
        var rest = await app.PostAsync($"api/pedidos/{pedido}/pagamentos", """{"valor":100.00,"metodo_pagamento":"Cartão"}""", "FINANCEIRO");
        Assert.Equal("Pagamento Aprovado", rest.Json.GetProperty("pedido_status").GetString());
        Assert.Equal(0m, rest.Json.GetProperty("pedido_saldo").GetDecimal());

        var item = (await Item(pedido)).Id;
        var first = await app.PostAsync($"api/pedidos/{pedido}/coletas", $$"""{"nome_retirada":"João Silva","documento_retirada":"12345678","itens":[{"item_pedido_id":{{item}},"quantidade":3}]}""", "LOGISTICA");
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal("Coleta Parcial", first.Json.GetProperty("pedido_status").GetString());
        Assert.Equal(2, first.Json.GetProperty("itens")[0].GetProperty("estoque_restante").GetInt32());
        var second = await app.PostAsync($"api/pedidos/{pedido}/coletas", $$"""{"nome_retirada":"João Silva","documento_retirada":"12345678","itens":[{"item_pedido_id":{{item}},"quantidade":1}]}""", "LOGISTICA");
        Assert.Equal("Coleta Concluída", second.Json.GetProperty("pedido_status").GetString());
        Assert.Equal(1L, await Scalar($"SELECT quantidade FROM estoque WHERE produto_id = {produto}"));

        var cancel = await app.PostAsync($"api/pedidos/{pedido}/cancelar", null, "VENDEDOR");
        Assert.Equal(HttpStatusCode.Conflict, cancel.Status);

        // One audit row and one outbox event per successful write, each with the request's id and the caller.
        var trail = await Sql.RowsAsync(app.Database, """
            SELECT l.tipo_atividade, l.request_id, l.usuario, o.tipo, o.request_id, o.payload
            FROM log_atividade l JOIN outbox o ON o.event_id::text = l.dados_extras::json->>'evento' ORDER BY l.id
            """);
        Assert.Equal(["pedido.criado", "pagamento.aprovado", "pagamento.aprovado", "coleta.concluida", "coleta.concluida"], trail.Select(r => (string)r[0]!));
        Assert.All(trail, r => Assert.Equal(r[0], r[3]));
        Assert.All(trail, r => Assert.Equal(r[1], r[4]));
        Assert.Equal([created.RequestId, partial.RequestId, rest.RequestId, first.RequestId, second.RequestId], trail.Select(r => (string)r[1]!));
        Assert.All(trail, r => Assert.Equal("test-user", r[2]));
        var cloudEvent = JsonDocument.Parse((string)trail[0][5]!).RootElement;
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal("/sap", cloudEvent.GetProperty("source").GetString());
        Assert.Equal(created.RequestId, cloudEvent.GetProperty("requestid").GetString());
        Assert.Equal(pedido, cloudEvent.GetProperty("data").GetProperty("pedido_id").GetInt64());
        Assert.Equal(cliente, cloudEvent.GetProperty("data").GetProperty("cliente_id").GetInt64());
        Assert.Equal(Seed.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture), cloudEvent.GetProperty("data").GetProperty("mes_negocio").GetString());
    }

    public static TheoryData<string, string, string, string, int, string?> RefusedWrites() => new()
    {
        // method, path, body, role, status, errors key
        { "POST", "api/clientes", """{"fantasia":"Sem Nome"}""", "VENDEDOR", 400, "nome" },
        { "POST", "api/clientes", """{"nome":"X"}""", "VENDEDOR", 400, "nome" },
        { "POST", "api/clientes", """{"nome":"Bar Novo","cpf_cnpj":"529.982.247-24"}""", "VENDEDOR", 400, "cpf_cnpj" },
        { "POST", "api/clientes", """{"nome":"Bar Novo","telefone":"1234"}""", "VENDEDOR", 400, "telefone" },
        { "POST", "api/clientes", """{"nome":"  bar do CLIENTE "}""", "VENDEDOR", 409, null },
        { "POST", "api/clientes", """{"nome":123}""", "VENDEDOR", 400, "$.nome" },
        { "POST", "api/produtos", """{"nome":"Skol","categoria":"VINHO"}""", "FINANCEIRO", 400, "categoria" },
        { "POST", "api/produtos", """{"nome":"Skol","preco_medio_compra":2.505}""", "FINANCEIRO", 400, "preco_medio_compra" },
        { "POST", "api/produtos", """{"nome":"Skol","preco_medio_compra":-1}""", "FINANCEIRO", 400, "preco_medio_compra" },
        { "POST", "api/produtos", """{"nome":"brahma lata 350"}""", "FINANCEIRO", 409, null },
        { "POST", "api/pedidos", """{"cliente_id":999999,"itens":[{"produto_id":{P},"quantidade":1,"preco_venda":1}]}""", "VENDEDOR", 422, "cliente_id" },
        { "POST", "api/pedidos", """{"cliente_id":{C},"itens":[{"produto_id":{P},"quantidade":1,"preco_venda":1},{"produto_id":999999,"quantidade":1,"preco_venda":1}]}""", "VENDEDOR", 422, "itens[1].produto_id" },
        { "POST", "api/pedidos", """{"cliente_id":{C},"itens":[{"produto_id":{P},"quantidade":1,"preco_venda":1},{"produto_id":{P},"quantidade":1,"preco_venda":1},{"produto_id":{P},"quantidade":0,"preco_venda":1}]}""", "VENDEDOR", 400, "itens[2].quantidade" },
        { "POST", "api/pedidos", """{"cliente_id":{C},"itens":[{"produto_id":{P},"quantidade":1,"preco_venda":"32.50"}]}""", "VENDEDOR", 400, "$.itens[0].preco_venda" },
        { "POST", "api/pedidos", """{"cliente_id":{C},"itens":[{"produto_id":{P},"quantidade":1,"preco_venda":32.505}]}""", "VENDEDOR", 400, "itens[0].preco_venda" },
        { "POST", "api/pedidos", """{"cliente_id":{C},"itens":[{"produto_id":{P},"quantidade":1,"preco_venda":1e30}]}""", "VENDEDOR", 400, null },
        { "POST", "api/pedidos", """{"cliente_id":{C},"itens":[]}""", "VENDEDOR", 400, "itens" },
        { "POST", "api/pedidos", """{"cliente_id":{C},"data":"2099-01-01T00:00:00Z","itens":[{"produto_id":{P},"quantidade":1,"preco_venda":1}]}""", "VENDEDOR", 400, "data" },
        { "POST", "api/pedidos", """{"cliente_id":{C},"data":"2025-08-01T10:00:00","itens":[{"produto_id":{P},"quantidade":1,"preco_venda":1}]}""", "VENDEDOR", 400, "data" },
        { "POST", "api/pedidos", """{"cliente_id":"abc","itens":[]}""", "VENDEDOR", 400, "$.cliente_id" },
        { "POST", "api/pedidos", """{"cliente_id":{C},"itens":[""", "VENDEDOR", 400, null },
        { "POST", "api/pedidos", "", "VENDEDOR", 400, null },
        { "POST", "api/pedidos", """{"cliente_id":{C},"cliente_id":{C},"itens":[{"produto_id":{P},"quantidade":1,"preco_venda":1}]}""", "VENDEDOR", 400, null },
        { "POST", "api/pedidos/999999/pagamentos", """{"valor":10,"metodo_pagamento":"Pix"}""", "FINANCEIRO", 404, null },
        { "POST", "api/pedidos/{PED}/pagamentos", """{"valor":0,"metodo_pagamento":"Pix"}""", "FINANCEIRO", 400, "valor" },
        { "POST", "api/pedidos/{PED}/pagamentos", """{"valor":10}""", "FINANCEIRO", 400, "metodo_pagamento" },
        { "POST", "api/pedidos/{PED}/pagamentos", """{"valor":100.01,"metodo_pagamento":"Pix"}""", "FINANCEIRO", 422, null },
        { "POST", "api/pedidos/{PED}/pagamentos", """{"valor":10,"metodo_pagamento":"Pix","data_pagamento":"0001-01-01T00:00:00Z"}""", "FINANCEIRO", 400, "data_pagamento" },
        { "POST", "api/pedidos/{PED}/coletas", """{"nome_retirada":"João","documento_retirada":"123456","itens":[{"item_pedido_id":{ITEM},"quantidade":1}]}""", "LOGISTICA", 409, null },
        { "POST", "api/pedidos/{PED}/coletas", """{"documento_retirada":"123456","itens":[{"item_pedido_id":{ITEM},"quantidade":1}]}""", "LOGISTICA", 400, "nome_retirada" },
        { "POST", "api/pagamentos/999999/rejeitar", "", "FINANCEIRO", 404, null },
        { "POST", "api/apuracao", """{"mes":13,"ano":2025}""", "FINANCEIRO", 400, "mes" },
        { "POST", "api/apuracao", """{"mes":1,"ano":2099}""", "FINANCEIRO", 400, "mes" },
        { "POST", "api/apuracao", """{"mes":1,"ano":2025,"verba_scann":-5}""", "FINANCEIRO", 400, "verba_scann" },
        { "POST", "api/apuracao/1/definitiva", "", "FINANCEIRO", 403, null },
        { "PUT", "api/apuracao/999999", """{"verba_scann":1,"verba_plano_negocios":0,"verba_time_ambev":0,"verba_outras_receitas":0,"outros_custos":0}""", "FINANCEIRO", 404, null },
        // PUT takes the whole resource: a field that cannot be empty, left out, is a 400 (not a silent 0 or default).
        { "PUT", "api/apuracao/999999", """{"verba_scann":1}""", "FINANCEIRO", 400, "outros_custos" },
        { "PUT", "api/produtos/{P}", """{"nome":"Skol Nova","categoria":"CERVEJA"}""", "FINANCEIRO", 400, "preco_medio_compra" },
        { "PUT", "api/produtos/{P}", """{"nome":"Skol Nova","preco_medio_compra":2.5}""", "FINANCEIRO", 400, "categoria" },
        { "PUT", "api/clientes/{C}", """{"cidade":"Santos"}""", "VENDEDOR", 400, "nome" },
        { "PUT", "api/pedidos/{PED}", """{}""", "VENDEDOR", 400, "itens" },
        { "PUT", "api/clientes/abc", """{"nome":"Bar"}""", "VENDEDOR", 400, "id" },
        { "POST", "api/pedidos", """{"cliente_id":{C},"itens":[{"produto_id":{P},"quantidade":1,"preco_venda":1}]}""", "LOGISTICA", 403, null },
    };

    [Theory]
    [MemberData(nameof(RefusedWrites))]
    public async Task A_refused_write_answers_its_problem_and_changes_nothing(string method, string path, string body, string role, int status, string? errorKey)
    {
        var pedido = await seed.PedidoAsync(cliente, Seed.Local(Seed.Today.AddDays(-1)), [(produto, 4, 25m, 2.5m)]);
        var item = (await Item(pedido)).Id;
        string Fill(string text) => text.Replace("{C}", cliente.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{P}", produto.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{PED}", pedido.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{ITEM}", item.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var before = await SnapshotAsync();

        var response = await app.SendJsonAsync(new HttpMethod(method), Fill(path), body.Length == 0 ? null : Fill(body), [role]);

        Assert.True((int)response.Status == status, response.ToString());
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(response.RequestId, response.Json.GetProperty("request_id").GetString());
        if (errorKey is not null)
        {
            Assert.True(response.Json.GetProperty("errors").TryGetProperty(errorKey, out _), response.ToString());
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_413_and_changes_nothing()
    {
        var before = await SnapshotAsync();
        var huge = $$"""{"nome":"{{new string('a', 1024 * 1024)}}"}""";

        var response = await app.PostAsync("api/clientes", huge, "VENDEDOR");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Rules_of_state_are_409_and_leave_no_trace()
    {
        var pedido = await seed.PedidoAsync(cliente, Seed.Local(Seed.Today.AddDays(-2)), [(produto, 1, 10m, 2.5m)]);
        var pay = await app.PostAsync($"api/pedidos/{pedido}/pagamentos", """{"valor":10,"metodo_pagamento":"Pix","id_transacao":"DUP-1"}""", "FINANCEIRO");
        var pagamento = pay.Json.GetProperty("id").GetInt64();
        var other = await seed.PedidoAsync(cliente, Seed.Local(Seed.Today.AddDays(-2)), [(produto, 1, 10m, 2.5m)]);
        var before = await SnapshotAsync();

        Assert.Equal(HttpStatusCode.Conflict, (await app.PostAsync($"api/pedidos/{other}/pagamentos", """{"valor":5,"metodo_pagamento":"Pix","id_transacao":"DUP-1"}""", "FINANCEIRO")).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync($"api/pagamentos/{pagamento}/rejeitar", null, "FINANCEIRO")).Status);
        var after = await SnapshotAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await app.PostAsync($"api/pagamentos/{pagamento}/rejeitar", null, "FINANCEIRO")).Status);
        Assert.Equal(after, await SnapshotAsync());
        Assert.NotEqual(before, after);

        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync($"api/pedidos/{other}/cancelar", null, "VENDEDOR")).Status);
        var cancelled = await SnapshotAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await app.PostAsync($"api/pedidos/{other}/pagamentos", """{"valor":5,"metodo_pagamento":"Pix"}""", "FINANCEIRO")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await app.SendJsonAsync(HttpMethod.Put, $"api/pedidos/{other}", $$"""{"itens":[{"produto_id":{{produto}},"quantidade":2,"preco_venda":10}]}""", ["VENDEDOR"])).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await app.PostAsync($"api/pedidos/{other}/cancelar", null, "VENDEDOR")).Status);
        Assert.Equal(cancelled, await SnapshotAsync());
    }

    [Fact]
    public async Task Apuracao_takes_the_month_from_the_pedidos_and_a_definitive_one_is_locked()
    {
        var month = new DateOnly(Seed.Today.Year, Seed.Today.Month, 1).AddMonths(-1);
        await seed.PedidoAsync(cliente, Seed.Local(month.AddDays(3)), [(produto, 10, 100m, 70m)], aprovados: [1000m]);
        await seed.PedidoAsync(cliente, Seed.Local(month.AddDays(5)), [(produto, 10, 50m, 30m)], aprovados: [100m]);

        var created = await app.PostAsync("api/apuracao", $$"""{"mes":{{month.Month}},"ano":{{month.Year}},"verba_scann":2000,"outros_custos":100.50}""", "FINANCEIRO");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(1000m, created.Json.GetProperty("receita_total").GetDecimal()); // only the fully paid pedido
        Assert.Equal(700m, created.Json.GetProperty("custo_produtos").GetDecimal());
        Assert.Equal(2199.50m, created.Json.GetProperty("resultado_liquido").GetDecimal()); // 300 + 2000 − 100.50
        var id = created.Json.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Conflict, (await app.PostAsync("api/apuracao", $$"""{"mes":{{month.Month}},"ano":{{month.Year}}}""", "FINANCEIRO")).Status);

        var updated = await app.SendJsonAsync(HttpMethod.Put, $"api/apuracao/{id}",
            """{"verba_scann":10,"verba_plano_negocios":0,"verba_time_ambev":5.25,"verba_outras_receitas":0,"outros_custos":0}""", ["FINANCEIRO"]);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(15.25m, updated.Json.GetProperty("total_verbas").GetDecimal());

        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync($"api/apuracao/{id}/definitiva", null, Admin)).Status);
        var locked = await SnapshotAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await app.PostAsync($"api/apuracao/{id}/definitiva", null, Admin)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await app.SendJsonAsync(HttpMethod.Put, $"api/apuracao/{id}", """{"verba_scann":1,"verba_plano_negocios":0,"verba_time_ambev":0,"verba_outras_receitas":0,"outros_custos":0}""", ["FINANCEIRO"])).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await app.SendJsonAsync(HttpMethod.Delete, $"api/apuracao/{id}", null, ["FINANCEIRO"])).Status);
        Assert.Equal(locked, await SnapshotAsync());
    }

    [Fact]
    public async Task A_retried_idempotency_key_creates_one_pedido_and_replays_the_first_answer()
    {
        var body = $$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produto}},"quantidade":2,"preco_venda":9.90}]}""";

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            app.SendJsonAsync(HttpMethod.Post, "api/pedidos", body, ["VENDEDOR"], idempotencyKey: "pedido-key-1")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Single(responses.Select(r => r.Body).Distinct());
        Assert.Single(responses.Select(r => r.Headers["Location"]).Distinct());
        Assert.Equal(9, responses.Count(r => r.Headers.ContainsKey("Idempotent-Replayed")));
        Assert.Equal(1L, await Scalar("SELECT count(*) FROM pedido"));
        Assert.Equal(1L, await Scalar("SELECT count(*) FROM outbox WHERE tipo = 'pedido.criado'"));

        var reused = await app.SendJsonAsync(HttpMethod.Post, "api/pedidos", body.Replace("9.90", "9.91", StringComparison.Ordinal), ["VENDEDOR"], idempotencyKey: "pedido-key-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.Status);
        Assert.Equal(1L, await Scalar("SELECT count(*) FROM pedido"));
    }

    [Fact]
    public async Task Twenty_concurrent_pickups_on_a_stock_of_five_never_take_it_below_zero()
    {
        var pedido = await seed.PedidoAsync(cliente, Seed.Local(Seed.Today.AddDays(-1)), [(produto, 20, 10m, 2.5m)], aprovados: [200m]);
        var item = (await Item(pedido)).Id;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => app.PostAsync($"api/pedidos/{pedido}/coletas",
            $$"""{"nome_retirada":"Retirada {{i}}","documento_retirada":"1234567","itens":[{"item_pedido_id":{{item}},"quantidade":1}]}""", "LOGISTICA")));

        Assert.Equal(5, responses.Count(r => r.Status == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status));
        Assert.Equal(0L, await Scalar($"SELECT quantidade FROM estoque WHERE produto_id = {produto}"));
        Assert.Equal(5L, await Scalar($"SELECT sum(quantidade_coletada) FROM item_coletado WHERE item_pedido_id = {item}"));
        Assert.Equal(5L, await Scalar($"SELECT count(*) FROM movimentacao_estoque WHERE produto_id = {produto} AND tipo_movimentacao = 'Saida'"));
        Assert.Equal(0L, await Scalar("SELECT count(*) FROM movimentacao_estoque WHERE quantidade_atual < 0"));
    }

    [Fact]
    public async Task Concurrent_payments_never_exceed_the_total()
    {
        var pedido = await seed.PedidoAsync(cliente, Seed.Local(Seed.Today.AddDays(-1)), [(produto, 10, 10m, 2.5m)]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            app.PostAsync($"api/pedidos/{pedido}/pagamentos", """{"valor":10,"metodo_pagamento":"Pix"}""", "FINANCEIRO")));

        Assert.Equal(10, responses.Count(r => r.Status == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status));
        Assert.Equal(100m, await Sql.ScalarAsync<decimal>(app.Database, $"SELECT valor_pago FROM pedido WHERE id = {pedido}"));
        Assert.Equal(100m, await Sql.ScalarAsync<decimal>(app.Database, $"SELECT sum(valor) FROM pagamento WHERE pedido_id = {pedido} AND status = 'aprovado'"));
        Assert.Equal("Pagamento Aprovado", await Sql.ScalarAsync<string>(app.Database, $"SELECT status FROM pedido WHERE id = {pedido}"));
    }

    /// <summary>Every table's row count, the stock and the money: a refused write must leave all of it as it was.</summary>
    private Task<string> SnapshotAsync() => Sql.ScalarAsync<string>(app.Database, """
        SELECT concat_ws('|',
          (SELECT count(*) FROM cliente), (SELECT count(*) FROM produto), (SELECT count(*) FROM pedido), (SELECT count(*) FROM item_pedido),
          (SELECT count(*) FROM pagamento), (SELECT count(*) FROM pagamento WHERE status = 'rejeitado'), (SELECT count(*) FROM coleta),
          (SELECT count(*) FROM item_coletado), (SELECT coalesce(sum(quantidade), 0) FROM estoque), (SELECT count(*) FROM apuracao),
          (SELECT count(*) FROM log_atividade), (SELECT count(*) FROM outbox), (SELECT count(*) FROM idempotency_key),
          (SELECT coalesce(sum(valor_total), 0) FROM pedido), (SELECT coalesce(sum(valor_pago), 0) FROM pedido),
          (SELECT string_agg(status, ',' ORDER BY id) FROM pedido),
          (SELECT string_agg(concat(verba_scann, definitivo), ',' ORDER BY id) FROM apuracao))
        """);

    private Task<long> Scalar(string sql) => Sql.ScalarAsync<long>(app.Database, sql);

    private async Task<(long Id, long ProdutoId)> Item(long pedido)
    {
        var row = (await Sql.RowsAsync(app.Database, $"SELECT id, produto_id FROM item_pedido WHERE pedido_id = {pedido} ORDER BY id LIMIT 1")).Single();
        return ((long)row[0]!, (long)row[1]!);
    }
}
