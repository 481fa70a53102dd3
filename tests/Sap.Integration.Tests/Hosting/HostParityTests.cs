using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sap.Domain.Data;

namespace Sap.Integration.Tests.Hosting;

/// <summary>
/// One binary, two hosts, one behaviour: the same requests, sent to the published app self-hosted and under the real
/// Functions host (twin databases, a Redis prefix and a queue each), get the same status, body and the headers SPEC
/// names — every route with valid input, then 304, 401, 403, 400, 404 (unknown id and unknown route), 405, 413 and a
/// failure inside a function.
/// </summary>
public sealed class HostParityTests(PostgresServer postgres, EventStack stack, ITestOutputHelper output) : IClassFixture<EventStack>
{
    [Fact]
    public async Task The_self_host_and_the_functions_host_answer_every_kind_of_request_alike()
    {
        var folder = await PublishedApp.FolderAsync();
        var source = new DatabaseSettings(DatabaseProvider.Postgres, await postgres.CreateMigratedDatabaseAsync());
        await MigratorProcess.DemoDataAsync(source, 7);
        var twins = new[] { source, new DatabaseSettings(DatabaseProvider.Postgres, await postgres.CloneAsync(source.ConnectionString)) };
        var tokens = new TestTokens();
        await using var self = await SelfHostProcess.StartAsync(twins[0], stack.Settings(EventStack.NewDeployment()), tokens, folder);
        await using var functions = await FunctionsHostProcess.StartAsync(twins[1], stack.Settings(EventStack.NewDeployment()), tokens);
        output.WriteLine($"Functions host up in {functions.StartupTime.TotalSeconds:0.0} s");
        var both = new Twins(self.Client, functions.Client, tokens);

        var cliente = await Sql.ScalarAsync<long>(source, "SELECT min(cliente_id) FROM pedido WHERE status <> 'Cancelado'");
        var produto = await Sql.ScalarAsync<long>(source, "SELECT min(produto_id) FROM item_pedido");
        var pedido = await Sql.ScalarAsync<long>(source, "SELECT min(id) FROM pedido");
        var today = TestClock.Today;
        var (mes, ano) = (today.AddMonths(-2).Month, today.AddMonths(-2).Year);

        await both.SameAsync("health", Get("api/health", null));
        await both.SameAsync("ready", Get("api/ready", null));
        await both.SameAsync("openapi", Get("api/openapi.json", "ADMIN"));
        string[] reads =
        [
            "api/vendedor/dashboard", $"api/vendedor/dashboard?data_inicio={today.AddDays(-40):yyyy-MM-dd}&data_fim={today.AddDays(-10):yyyy-MM-dd}",
            "api/vendedor/rankings", "api/vendedor/rankings?periodo=ultimo_ano", "api/vendedor/clientes?periodo=30",
            $"api/vendedor/clientes/{cliente}", $"api/vendedor/clientes/{cliente}/produtos", "api/vendedor/clientes/busca?q=bar",
            "api/apuracao", $"api/apuracao?mes={mes}&ano={ano}", $"api/produtos/{produto}", $"api/pedidos/{pedido}",
        ];
        foreach (var path in reads)
        {
            await both.SameAsync($"GET {path}", Get(path, "ADMIN"));
            var again = await both.SameAsync($"GET {path} again", Get(path, "ADMIN"));
            if (again.Headers.TryGetValue("ETag", out var etag))
            {
                await both.SameAsync($"GET {path} If-None-Match", Get(path, "ADMIN", ("If-None-Match", etag)));
            }
        }

        await both.SameAsync("metrics", Get("api/metrics", "ADMIN"), bodyToo: false);
        var head = await both.SameAsync("HEAD dashboard", Send(HttpMethod.Head, "api/vendedor/dashboard", "ADMIN", null));
        Assert.True(head.Status == 200 && head.Body.Length == 0, $"HEAD: {head.Status} with {head.Body.Length} characters");

        await both.SameAsync("401 no token", Get("api/vendedor/dashboard", null));
        await both.SameAsync("401 bad token", Get("api/vendedor/dashboard", null, ("Authorization", "Bearer not.a.token")));
        await both.SameAsync("403", Get("api/apuracao", "VENDEDOR"));
        await both.SameAsync("400 query", Get("api/vendedor/dashboard?data_inicio=nope", "ADMIN"));
        await both.SameAsync("400 periodo", Get("api/vendedor/rankings?periodo=semana", "ADMIN"));
        await both.SameAsync("400 body", Send(HttpMethod.Post, "api/clientes", "ADMIN", """{"nome":"X"}"""));
        await both.SameAsync("404 cliente", Get("api/vendedor/clientes/999999", "ADMIN"));
        await both.SameAsync("404 pedido", Get("api/pedidos/999999", "ADMIN"));
        await both.SameAsync("404 route", Get("api/nao-existe", "ADMIN"));
        await both.SameAsync("404 route, POST", Send(HttpMethod.Post, "api/vendedor/nada/aqui", "ADMIN", "{}"));
        await both.SameAsync("405 DELETE health", Send(HttpMethod.Delete, "api/health", null, null));
        await both.SameAsync("405 PUT dashboard", Send(HttpMethod.Put, "api/vendedor/dashboard", "ADMIN", "{}"));
        await both.SameAsync("405 PATCH pedido", Send(HttpMethod.Patch, $"api/pedidos/{pedido}", "ADMIN", "{}"));
        var huge = $$"""{"nome":"{{new string('a', 1_100_000)}}"}""";
        await both.SameAsync("413", Send(HttpMethod.Post, "api/clientes", "ADMIN", huge));

        // A failure inside a function: the schema drifts under both apps (a column renamed), so the query throws.
        foreach (var db in twins)
        {
            await Sql.ExecuteAsync(db, "ALTER TABLE cliente RENAME COLUMN telefone TO telefone_antigo");
        }

        await both.SameAsync("500", Get("api/vendedor/clientes?periodo=todos", "ADMIN"));
        foreach (var db in twins)
        {
            await Sql.ExecuteAsync(db, "ALTER TABLE cliente RENAME COLUMN telefone_antigo TO telefone");
        }

        // Every write, valid; ids come out alike because the twins started alike and saw the same requests.
        var novo = await both.SameAsync("POST cliente", Send(HttpMethod.Post, "api/clientes", "VENDEDOR", """{"nome":"Bar da Paridade","cidade":"Campinas"}"""));
        var clienteNovo = novo.Id();
        await both.SameAsync("PUT cliente", Send(HttpMethod.Put, $"api/clientes/{clienteNovo}", "VENDEDOR", """{"nome":"Bar da Paridade","cidade":"Sorocaba","telefone":"11999990000"}"""));
        var produtoNovo = (await both.SameAsync("POST produto", Send(HttpMethod.Post, "api/produtos", "FINANCEIRO", """{"nome":"Paridade 600","categoria":"CERVEJA","preco_medio_compra":4.10}"""))).Id();
        await both.SameAsync("PUT produto", Send(HttpMethod.Put, $"api/produtos/{produtoNovo}", "FINANCEIRO", """{"nome":"Paridade 600 ml","categoria":"CERVEJA","preco_medio_compra":4.20}"""));
        var instant = Seed.Past(today.AddDays(-3), 10);
        var pedidoNovo = (await both.SameAsync("POST pedido", Send(HttpMethod.Post, "api/pedidos", "VENDEDOR",
            $$"""{"cliente_id":{{clienteNovo}},"data":"{{instant:yyyy-MM-ddTHH:mm:ssZ}}","itens":[{"produto_id":{{produto}},"quantidade":2,"preco_venda":10.00}]}"""))).Id();
        await both.SameAsync("PUT pedido", Send(HttpMethod.Put, $"api/pedidos/{pedidoNovo}", "VENDEDOR",
            $$"""{"itens":[{"produto_id":{{produto}},"quantidade":3,"preco_venda":10.00}]}"""));
        var pagamento = (await both.SameAsync("POST pagamento", Send(HttpMethod.Post, $"api/pedidos/{pedidoNovo}/pagamentos", "FINANCEIRO",
            """{"valor":10.00,"metodo_pagamento":"Pix","id_transacao":"PARIDADE-1"}"""))).Id();
        await both.SameAsync("rejeitar pagamento", Send(HttpMethod.Post, $"api/pagamentos/{pagamento}/rejeitar", "FINANCEIRO", null));
        await both.SameAsync("409 id_transacao", Send(HttpMethod.Post, $"api/pedidos/{pedidoNovo}/pagamentos", "FINANCEIRO",
            """{"valor":10.00,"metodo_pagamento":"Pix","id_transacao":"PARIDADE-1"}"""));
        await both.SameAsync("POST pagamento, all", Send(HttpMethod.Post, $"api/pedidos/{pedidoNovo}/pagamentos", "FINANCEIRO", """{"valor":30.00,"metodo_pagamento":"Pix"}"""));
        var item = await Sql.ScalarAsync<long>(source, $"SELECT min(id) FROM item_pedido WHERE pedido_id = {pedidoNovo}");
        await both.SameAsync("POST coleta", Send(HttpMethod.Post, $"api/pedidos/{pedidoNovo}/coletas", "LOGISTICA",
            $$"""{"nome_retirada":"João Silva","documento_retirada":"12345678","itens":[{"item_pedido_id":{{item}},"quantidade":1}]}"""));
        var outro = (await both.SameAsync("POST pedido, with a key", Send(HttpMethod.Post, "api/pedidos", "VENDEDOR",
            $$"""{"cliente_id":{{cliente}},"data":"{{instant:yyyy-MM-ddTHH:mm:ssZ}}","itens":[{"produto_id":{{produto}},"quantidade":1,"preco_venda":5.50}]}""",
            ("Idempotency-Key", "paridade-1")))).Id();
        await both.SameAsync("POST pedido, replayed", Send(HttpMethod.Post, "api/pedidos", "VENDEDOR",
            $$"""{"cliente_id":{{cliente}},"data":"{{instant:yyyy-MM-ddTHH:mm:ssZ}}","itens":[{"produto_id":{{produto}},"quantidade":1,"preco_venda":5.50}]}""",
            ("Idempotency-Key", "paridade-1")));
        await both.SameAsync("cancelar pedido", Send(HttpMethod.Post, $"api/pedidos/{outro}/cancelar", "VENDEDOR", null));
        const string Verbas = "\"verba_scann\":100.00,\"verba_plano_negocios\":0,\"verba_time_ambev\":50.00,\"verba_outras_receitas\":0,\"outros_custos\":20.00";
        var apuracao = (await both.SameAsync("POST apuracao", Send(HttpMethod.Post, "api/apuracao", "FINANCEIRO",
            $$"""{"mes":{{today.Month}},"ano":{{today.Year}},{{Verbas}}}"""))).Id();
        await both.SameAsync("PUT apuracao", Send(HttpMethod.Put, $"api/apuracao/{apuracao}", "FINANCEIRO",
            """{"verba_scann":120.00,"verba_plano_negocios":0,"verba_time_ambev":50.00,"verba_outras_receitas":0,"outros_custos":20.00,"recalcular":true}"""));
        await both.SameAsync("definitiva", Send(HttpMethod.Post, $"api/apuracao/{apuracao}/definitiva", "ADMIN", null));
        await both.SameAsync("409 DELETE definitive", Send(HttpMethod.Delete, $"api/apuracao/{apuracao}", "FINANCEIRO", null));
        var velha = today.AddMonths(-20);
        var rascunho = (await both.SameAsync("POST apuracao, old month", Send(HttpMethod.Post, "api/apuracao", "FINANCEIRO",
            $$"""{"mes":{{velha.Month}},"ano":{{velha.Year}},{{Verbas}}}"""))).Id();
        await both.SameAsync("DELETE apuracao", Send(HttpMethod.Delete, $"api/apuracao/{rascunho}", "FINANCEIRO", null));
        await both.SameAsync("cache invalidate", Send(HttpMethod.Post, "api/cache/invalidate", "ADMIN", """{"all":true}"""));
        await both.SameAsync("GET pedido after", Get($"api/pedidos/{pedidoNovo}", "ADMIN"));
        await both.SameAsync("GET produto after", Get($"api/produtos/{produtoNovo}", "ADMIN"));

        output.WriteLine($"{both.Compared} requests compared");
        Assert.True(both.Differences.Count == 0, string.Join("\n", both.Differences));
    }

    private static Func<TestTokens, HttpRequestMessage> Get(string path, string? role, params (string Name, string Value)[] headers) =>
        Send(HttpMethod.Get, path, role, null, headers);

    private static Func<TestTokens, HttpRequestMessage> Send(HttpMethod method, string path, string? role, string? json, params (string Name, string Value)[] headers) =>
        tokens =>
        {
            var request = new HttpRequestMessage(method, path);
            if (role is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(role));
            }

            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            return request;
        };

    /// <summary>The two hosts, sent each request in turn, with what differed.</summary>
    private sealed class Twins(HttpClient self, HttpClient functions, TestTokens tokens)
    {
        public List<string> Differences { get; } = [];

        public int Compared { get; private set; }

        /// <summary>Sends the request to both with one request id; returns the self-host's answer.</summary>
        public async Task<Answer> SameAsync(string what, Func<TestTokens, HttpRequestMessage> request, bool bodyToo = true)
        {
            var id = $"parity-{++Compared}";
            var a = await Answer.FromAsync(self, request(tokens), id);
            var b = await Answer.FromAsync(functions, request(tokens), id);
            foreach (var difference in a.DifferencesFrom(b, bodyToo))
            {
                Differences.Add($"{what}: {difference}");
            }

            return a;
        }
    }

    /// <summary>What a host answered: status, media type, the body with the instants of "now" and the timings masked, and SPEC's headers.</summary>
    private sealed record Answer(int Status, string? MediaType, string Body, IReadOnlyDictionary<string, string> Headers)
    {
        private static readonly string[] Named =
        [
            "X-Request-ID", "X-Cache", "ETag", "WWW-Authenticate", "Retry-After", "Location", "Allow", "Idempotent-Replayed", "Content-Encoding",
            "X-Content-Type-Options",
        ];

        public static async Task<Answer> FromAsync(HttpClient client, HttpRequestMessage request, string requestId)
        {
            using (request)
            {
                request.Headers.TryAddWithoutValidation("X-Request-ID", requestId);
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var headers = Named
                    .Select(name => (name, values: response.Headers.TryGetValues(name, out var h) ? h : response.Content.Headers.TryGetValues(name, out var c) ? c : null))
                    .Where(x => x.values is not null)
                    .ToDictionary(x => x.name, x => string.Join(", ", x.values!), StringComparer.OrdinalIgnoreCase);
                return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, headers);
            }
        }

        public long Id() => JsonDocument.Parse(Body).RootElement.GetProperty("id").GetInt64();

        public IEnumerable<string> DifferencesFrom(Answer other, bool bodyToo)
        {
            if (Status != other.Status)
            {
                yield return $"status {Status} vs {other.Status} ({Shorten(Body)} | {Shorten(other.Body)})";
            }

            if (MediaType != other.MediaType)
            {
                yield return $"content type {MediaType} vs {other.MediaType}";
            }

            var sameBody = Masked(Body) == Masked(other.Body);
            if (bodyToo && !sameBody)
            {
                yield return $"body {Shorten(Body)} vs {Shorten(other.Body)}";
            }

            foreach (var name in Named)
            {
                var mine = Headers.GetValueOrDefault(name);
                var theirs = other.Headers.GetValueOrDefault(name);
                // An entity tag hashes the body: it can only agree where the bytes do (instants of "now" differ).
                var comparable = name != "ETag" || Body == other.Body;
                if (comparable ? mine != theirs : (mine is null) != (theirs is null))
                {
                    yield return $"{name} '{mine}' vs '{theirs}'";
                }
            }

            if (!Headers.ContainsKey("X-Request-ID"))
            {
                yield return "no X-Request-ID";
            }

            if (Headers.GetValueOrDefault("X-Content-Type-Options") != "nosniff")
            {
                yield return "no X-Content-Type-Options: nosniff";
            }
        }

        /// <summary>The body with every instant within ten minutes of now (timestamps written as the request ran) and every timing replaced.</summary>
        private static string Masked(string body)
        {
            if (body.Length == 0 || (body[0] != '{' && body[0] != '['))
            {
                return body;
            }

            var node = JsonNode.Parse(body);
            Mask(node);
            return node?.ToJsonString() ?? "";
        }

        private static void Mask(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o.ToList())
                    {
                        if (value is JsonValue v && v.TryGetValue<string>(out var text) && IsNow(text))
                        {
                            o[key] = "<now>";
                        }
                        else if (key == "duration_ms")
                        {
                            o[key] = "<elapsed>";
                        }
                        else
                        {
                            Mask(value);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Mask(item);
                    }

                    break;
                default:
                    break;
            }
        }

        private static bool IsNow(string text) =>
            text.EndsWith('Z') && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant)
            // Now by the wall clock, or by the run's frozen clock that in-process apps and tokens use (TestClock).
            && (Math.Abs((instant - DateTime.UtcNow).TotalMinutes) < 10 || Math.Abs((instant - TestClock.Now).TotalMinutes) < 10);

        private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
    }
}
