namespace Sap.Integration.Tests.Faults;

/// <summary>
/// The queue delivers at least once and in no promised order: every event Sap published, delivered again twice and
/// newest first, leaves the data and every cached answer exactly as the single, ordered delivery did.
/// </summary>
public sealed class EventDeliveryTests(PostgresServer postgres, EventStack stack) : IClassFixture<EventStack>
{
    [Fact]
    public async Task Duplicate_and_out_of_order_deliveries_change_nothing_beyond_a_single_delivery()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var seed = new Seed(db);
        var cliente = await seed.ClienteAsync("Adega Repetida");
        var outro = await seed.ClienteAsync("Quiosque da Praia");
        var produto = await seed.ProdutoAsync("Heineken 600", 5m);
        var deployment = EventStack.NewDeployment();
        var queue = $"ev-{deployment}";
        await using var app = await stack.StartAppAsync(db, deployment);

        // A day of writes: pedidos created, changed, paid and cancelled.
        var first = (await app.PostAsync("api/pedidos", $$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produto}},"quantidade":4,"preco_venda":9.5}]}""", "VENDEDOR")).Created();
        var second = (await app.PostAsync("api/pedidos", $$"""{"cliente_id":{{outro}},"itens":[{"produto_id":{{produto}},"quantidade":2,"preco_venda":8}]}""", "VENDEDOR")).Created();
        (await app.SendJsonAsync(HttpMethod.Put, $"api/pedidos/{first}", $$"""{"itens":[{"produto_id":{{produto}},"quantidade":6,"preco_venda":9.5}]}""", ["VENDEDOR"])).Ok();
        (await app.PostAsync($"api/pedidos/{first}/pagamentos", """{"valor":20,"metodo_pagamento":"Pix"}""", "FINANCEIRO")).Created();
        (await app.PostAsync($"api/pedidos/{second}/cancelar", "{}", "VENDEDOR")).Ok();
        var published = await Sql.RowsAsync(db, "SELECT payload FROM outbox ORDER BY id");
        Assert.Equal(5, published.Count);
        await Eventually.HoldsAsync(async () => await AppMetrics.EventsHandledAsync(app) >= published.Count, "the events not handled", seconds: 20, pollMs: 50);

        string[] reads =
        [
            "api/vendedor/dashboard", "api/vendedor/rankings?periodo=todos", $"api/vendedor/clientes/{cliente}",
            $"api/vendedor/clientes/{outro}", $"api/vendedor/clientes/{cliente}/produtos", "api/vendedor/clientes?periodo=7",
            $"api/apuracao?mes={Seed.Today.Month}&ano={Seed.Today.Year}",
        ];
        var once = new List<string>();
        foreach (var read in reads)
        {
            once.Add((await app.GetAsync(read, "ADMIN")).Ok().Body);
        }

        await using var fingerprint = await DatabaseFingerprint.OpenAsync(db);
        var data = await fingerprint.TakeAsync();

        // Every event again, twice, newest first.
        foreach (var payload in published.Select(r => (string)r[0]!).Reverse())
        {
            await EventQueue.SendRawAsync(stack.Azurite.ConnectionString, queue, payload);
            await EventQueue.SendRawAsync(stack.Azurite.ConnectionString, queue, payload);
        }

        await Eventually.HoldsAsync(async () => await AppMetrics.EventsHandledAsync(app) >= published.Count * 3, "the redeliveries not handled", seconds: 20, pollMs: 50);
        await Task.Delay(500, TestContext.Current.CancellationToken); // the coalesced refresh round after the last one

        Assert.Equal(data, await fingerprint.TakeAsync());
        for (var i = 0; i < reads.Length; i++)
        {
            var again = await app.GetAsync(reads[i], "ADMIN");
            Assert.Equal(once[i], again.Ok().Body);
        }

        Assert.Equal(0, await EventQueue.CountAsync(stack.Azurite.ConnectionString, $"{queue}-poison"));
    }
}
