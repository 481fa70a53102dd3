using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HdrHistogram;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

// Sap's load generator: closed-loop HTTP/1.1 keep-alive clients (like wrk), latencies in an HdrHistogram,
// SQL commands and cache hits taken from the app's own /api/metrics before and after each scenario.
// Usage: Sap.Bench <cold|warm|writes|mixed|soak|logging|token|paths> --url U --key BASE64 --fixture F --out DIR [--connections 32] [--seconds 10] [--warmup 3] [--rate 500]
//        logging also takes --baseline-url (the same build at Warning) and --log (the Information instance's stdout file).
//        Sap.Bench clear-queue STORAGE_CONNECTION_STRING QUEUE: drops every message of the queue (between write counts).
if (args is ["clear-queue", var storage, var queueName])
{
    var queue = new Azure.Storage.Queues.QueueClient(storage, queueName);
    var depth = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
    await queue.ClearMessagesAsync();
    Console.WriteLine(depth);
    return 0;
}

var options = Options.Parse(args);
var token = Token(options);
if (options.Group == "token")
{
    // For the shell: an ADMIN token signed with the run's key.
    Console.WriteLine(token);
    return 0;
}

if (options.Group == "paths")
{
    // For the shell: every read of the cold group, "name<TAB>path", one per line.
    var reads = Scenarios.For("cold", JsonNode.Parse(await File.ReadAllTextAsync(options.Fixture))!).Where(s => s.Name != "health");
    foreach (var read in reads)
    {
        Console.WriteLine($"{read.Name}\t{read.Next(new Random(1)).Path}");
    }

    return 0;
}
using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Connections * 2,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    AutomaticDecompression = DecompressionMethods.None,
    UseProxy = false,
};
using var client = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(30) };
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
// Like a browser: gzip accepted. Bodies are read as bytes and not decompressed (wrk does the same).
client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
// The freshness checks read the JSON, so they decompress.
using var reader = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.GZip, UseProxy = false })
{
    BaseAddress = new Uri(options.Url),
    Timeout = TimeSpan.FromSeconds(30),
};
reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
var fixture = JsonNode.Parse(await File.ReadAllTextAsync(options.Fixture))!;
if (options.Group == "logging")
{
    return await LogCost.RunAsync(options, token);
}

if (options.Group == "soak")
{
    // Every read key the mix can ask for, read once first: what the caches hold after that is all they will hold.
    var clientes = fixture["clientes"]!.AsArray().Select(n => n!.GetValue<long>()).ToArray();
    var keys = Scenarios.For("cold", fixture).Where(r => r.Name != "health").Select(r => r.Next(new Random(1)).Path)
        .Concat(clientes.SelectMany(c => new[] { $"api/vendedor/clientes/{c}", $"api/vendedor/clientes/{c}/produtos" }))
        .Concat(["api/vendedor/clientes?periodo=7"])
        .Distinct().ToList();
    await Soak.WarmAsync(client, keys, options.Connections);
    return await Soak.RunAsync(client, Scenarios.For("mixed", fixture).Single(), options);
}

var scenarios = Scenarios.For(options.Group, fixture);
var results = new List<Result>();
// Warm reads are measured in slices alternating with /api/health, so that both see the same machine: on a shared
// host the same load runs ±25 % faster or slower from one minute to the next.
var baseline = options.Group == "warm" ? scenarios.Single(s => s.Name == "health") : null;
if (options.Group == "cold")
{
    // One pass over every read first, for its warm-up time: the app's shared code (the pipeline, EF, Npgsql) is
    // compiled and tiered once, so the first scenarios measured do not pay for it (they did: /api/health ran at a
    // fifth of its later rate as the first of the run). Each scenario still has its own warm-up after this.
    foreach (var scenario in scenarios)
    {
        await Runner.WarmAsync(client, scenario, options);
    }
}

foreach (var scenario in scenarios)
{
    var result = await Runner.RunAsync(client, reader, scenario, options, scenario == baseline ? null : baseline);
    results.Add(result);
    Console.WriteLine(result.Line());
}

Directory.CreateDirectory(options.Out);
var json = JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
// The write scenario runs at several connection counts: one file each.
var name = options.Group == "writes" ? $"writes-{options.Connections}" : options.Group;
await File.WriteAllTextAsync(Path.Combine(options.Out, $"{name}.json"), json);
await File.WriteAllTextAsync(Path.Combine(options.Out, $"{name}.md"), Result.Markdown(results));
return results.Any(r => r.Errors > 0) ? 1 : 0;

static string Token(Options o) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
{
    Issuer = o.Issuer,
    Audience = o.Audience,
    Claims = new Dictionary<string, object> { ["sub"] = "bench", ["roles"] = new[] { "ADMIN" } },
    Expires = DateTime.UtcNow.AddHours(2),
    SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(o.Key)), SecurityAlgorithms.HmacSha256),
});

internal sealed record Options(string Group, string Url, string Key, string Issuer, string Audience, string Fixture, string Out, int Connections, int Seconds, int Warmup, int Rate,
    string? BaselineUrl = null, string? Log = null)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(args[0], values["url"], values["key"], values.GetValueOrDefault("issuer", "sap"), values.GetValueOrDefault("audience", "sap-api"),
            values["fixture"], values["out"], Int("connections", 32), Int("seconds", 10), Int("warmup", 3), Int("rate", 500),
            values.GetValueOrDefault("baseline-url"), values.GetValueOrDefault("log"));
    }
}

/// <summary>
/// A named load: how to make the next request (path, and a body for writes). In a <see cref="Write"/> scenario every
/// answer but a 201 counts as an error, and the 201s are counted, warm-up included, to compare with the pedidos stored.
/// </summary>
internal sealed record Scenario(string Name, Func<Random, (HttpMethod Method, string Path, string? Body)> Next, bool Mixed = false, bool Write = false);

internal static class Scenarios
{
    public static IReadOnlyList<Scenario> For(string group, JsonNode fixture)
    {
        var clientes = fixture["clientes"]!.AsArray().Select(n => n!.GetValue<long>()).ToArray();
        var produtos = fixture["produtos"]!.AsArray().Select(n => n!.GetValue<long>()).ToArray();
        var largest = fixture["largest"]!.GetValue<long>();
        var today = DateOnly.Parse(fixture["today"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var month = today.AddMonths(-1);
        string[] periodos = ["todos", "ultimo_mes", "ultimos_3_meses", "ultimos_6_meses", "ultimo_ano"];
        var windows = Windows(today);
        Scenario Get(string name, string path) => new(name, _ => (HttpMethod.Get, path, null));
        string Pedido(Random random, long cliente) => $$"""{"cliente_id":{{cliente}},"itens":[{"produto_id":{{produtos[random.Next(produtos.Length)]}},"quantidade":{{1 + random.Next(20)}},"preco_venda":{{(5 + random.Next(50)).ToString(CultureInfo.InvariantCulture)}}.90}]}""";
        if (group == "writes")
        {
            // One item, a cliente drawn uniformly: writes of different clientes, as many at once as there are connections.
            return [new Scenario("POST /api/pedidos", random => (HttpMethod.Post, "api/pedidos", Pedido(random, clientes[random.Next(clientes.Length)])), Write: true)];
        }

        var reads = new List<Scenario>
        {
            Get("health", "api/health"),
            Get("dashboard", "api/vendedor/dashboard"),
        };
        reads.AddRange(windows.Select(w => Get($"dashboard {w.Name}", $"api/vendedor/dashboard?{w.Query}")));
        reads.AddRange(periodos.Select(p => Get($"rankings {p}", $"api/vendedor/rankings?periodo={p}")));
        reads.AddRange(windows.Select(w => Get($"rankings {w.Name}", $"api/vendedor/rankings?{w.Query}")));
        reads.Add(Get("cliente (largest)", $"api/vendedor/clientes/{largest}"));
        reads.Add(Get("apuracao", $"api/apuracao?mes={month.Month}&ano={month.Year}"));
        reads.Add(Get("clientes sem compra 30", "api/vendedor/clientes?periodo=30"));
        reads.Add(Get("cliente produtos (largest)", $"api/vendedor/clientes/{largest}/produtos"));
        reads.Add(Get("busca", "api/vendedor/clientes/busca?q=bar"));
        if (group != "mixed")
        {
            return reads;
        }

        // 95 % reads over realistic parameter mixes, 5 % pedidos written. Clientes are drawn by a Zipf law (s = 1):
        // a few are busy, most are seldom looked at, as in a sales team's day; reads and writes draw independently.
        var zipf = new Zipf(clientes.Length, 1.0);
        return
        [
            new Scenario("mixed 95/5", random =>
            {
                var roll = random.Next(100);
                var cliente = clientes[zipf.Next(random)];
                if (roll < 5)
                {
                    return (HttpMethod.Post, "api/pedidos", Pedido(random, cliente));
                }

                var m = today.AddMonths(-random.Next(12));
                return roll switch
                {
                    // Half the dashboards and a third of the rankings over explicit windows (last month, quarter, year...).
                    < 10 => (HttpMethod.Get, "api/vendedor/dashboard", null),
                    < 15 => (HttpMethod.Get, $"api/vendedor/dashboard?{windows[random.Next(windows.Count)].Query}", null),
                    < 25 => (HttpMethod.Get, $"api/vendedor/rankings?periodo={periodos[random.Next(periodos.Length)]}", null),
                    < 30 => (HttpMethod.Get, $"api/vendedor/rankings?{windows[random.Next(windows.Count)].Query}", null),
                    < 70 => (HttpMethod.Get, $"api/vendedor/clientes/{cliente}", null),
                    < 80 => (HttpMethod.Get, $"api/vendedor/clientes/{cliente}/produtos", null),
                    < 90 => (HttpMethod.Get, $"api/apuracao?mes={m.Month}&ano={m.Year}", null),
                    < 95 => (HttpMethod.Get, $"api/vendedor/clientes?periodo={(random.Next(2) == 0 ? "7" : "30")}", null),
                    _ => (HttpMethod.Get, "api/vendedor/clientes/busca?q=bar", null),
                };
            }, Mixed: true),
        ];
    }

    /// <summary>
    /// The explicit windows a manager asks for, as of today: last month, the last twelve closed months, the last closed
    /// quarter, the year to date.
    /// </summary>
    private static List<(string Name, string Query)> Windows(DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        var quarter = new DateOnly(today.Year, (((today.Month - 1) / 3) * 3) + 1, 1).AddMonths(-3);
        static string Query(DateOnly a, DateOnly b) => string.Create(CultureInfo.InvariantCulture, $"data_inicio={a:yyyy-MM-dd}&data_fim={b:yyyy-MM-dd}");
        return
        [
            ("last month", Query(month.AddMonths(-1), month.AddDays(-1))),
            ("last 12 months", Query(month.AddMonths(-12), month.AddDays(-1))),
            ("quarter", Query(quarter, quarter.AddMonths(3).AddDays(-1))),
            ("year to date", Query(new DateOnly(today.Year, 1, 1), today)),
        ];
    }
}

/// <summary>Ranks 0..n−1 drawn with probability ∝ 1 / (rank + 1)^s.</summary>
internal sealed class Zipf
{
    private readonly double[] cumulative;

    public Zipf(int n, double s)
    {
        cumulative = new double[n];
        var total = 0.0;
        for (var k = 0; k < n; k++)
        {
            total += 1.0 / Math.Pow(k + 1, s);
            cumulative[k] = total;
        }

        for (var k = 0; k < n; k++)
        {
            cumulative[k] /= total;
        }
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}

internal sealed record Result(
    string Scenario, long Requests, long Errors, double Rps, double P50Ms, double P95Ms, double P99Ms, double MaxMs,
    double? SqlPerRequest, double? HitRatio, double? SqlPerComputation, double? StaleShare, long Refreshes, double? FreshnessP99Ms,
    double? ClienteFreshnessP99Ms, double? SharedFreshnessP99Ms, long FreshnessSamples, double? BaselineRps = null, long Computations = 0,
    long ComputationsOverThree = 0, long? Created = null)
{
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenario,-30} {Rps,9:0} req/s{(BaselineRps is { } b ? $" ({Rps / b,4:P0} of health {b:0})" : "")}  p50 {P50Ms,7:0.00} ms  p95 {P95Ms,7:0.00} ms  p99 {P99Ms,7:0.00} ms  errors {Errors}  SQL/req {SqlPerRequest?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-"}  hit {HitRatio?.ToString("P1", CultureInfo.InvariantCulture) ?? "-"}{(FreshnessP99Ms is { } f ? $"  freshness p99 {f:0} ms (cliente {ClienteFreshnessP99Ms:0}, dashboard {SharedFreshnessP99Ms:0}; {FreshnessSamples} samples)" : "")}{(Created is { } c ? $"  201s (warm-up included) {c}" : "")}");

    public static string Markdown(IEnumerable<Result> results)
    {
        var text = new StringBuilder("| scenario | req/s | health req/s (paired) | vs health | p50 ms | p95 ms | p99 ms | errors | SQL/req | hit ratio | of which stale | computations (miss or refresh) | SQL per computation | computations over 3 SQL | freshness p99 ms | 201s (warm-up included) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in results)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Rps:0} | {r.BaselineRps?.ToString("0", CultureInfo.InvariantCulture) ?? "-"} | {P(r.Rps / r.BaselineRps)} | {r.P50Ms:0.00} | {r.P95Ms:0.00} | {r.P99Ms:0.00} | {r.Errors} | {N(r.SqlPerRequest)} | {P(r.HitRatio)} | {P(r.StaleShare)} | {r.Computations} | {N(r.SqlPerComputation)} | {r.ComputationsOverThree} | {Freshness(r)} | {r.Created?.ToString(CultureInfo.InvariantCulture) ?? "-"} |\n");
        }

        return text.ToString();
    }

    private static string Freshness(Result r) => r.FreshnessP99Ms is { } f
        ? string.Create(CultureInfo.InvariantCulture, $"{f:0} (cliente {r.ClienteFreshnessP99Ms:0}, dashboard {r.SharedFreshnessP99Ms:0}; {r.FreshnessSamples} samples)")
        : "-";

    private static string N(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";

    private static string P(double? value) => value?.ToString("P1", CultureInfo.InvariantCulture) ?? "-";
}

internal static class Runner
{
    private const int Slices = 5;

    /// <summary>The scenario's load for its warm-up time, nothing recorded.</summary>
    public static Task WarmAsync(HttpClient client, Scenario scenario, Options options) =>
        LoadAsync(client, scenario, options.Connections, TimeSpan.FromSeconds(options.Warmup), null, null);

    public static async Task<Result> RunAsync(HttpClient client, HttpClient reader, Scenario scenario, Options options, Scenario? baseline)
    {
        var warm = await LoadAsync(client, scenario, options.Connections, TimeSpan.FromSeconds(options.Warmup), null, null);
        var created = warm.Created;
        var before = await MetricsAsync(client);
        var histogram = new LongConcurrentHistogram(1, TimeStamp.Hours(1), 3);
        var freshness = scenario.Mixed ? new Freshness(reader) : null;
        freshness?.Start();
        long requests = 0, errors = 0, baselineRequests = 0;
        var elapsed = TimeSpan.Zero;
        var baselineElapsed = TimeSpan.Zero;
        var slices = baseline is null ? 1 : Slices;
        var slice = TimeSpan.FromSeconds((double)options.Seconds / slices);
        for (var i = 0; i < slices; i++)
        {
            if (baseline is not null)
            {
                var baselineClock = Stopwatch.StartNew();
                baselineRequests += (await LoadAsync(client, baseline, options.Connections, slice, null, null)).Requests;
                baselineElapsed += baselineClock.Elapsed;
            }

            var clock = Stopwatch.StartNew();
            var (n, failed, made) = await LoadAsync(client, scenario, options.Connections, slice, histogram, freshness);
            elapsed += clock.Elapsed;
            requests += n;
            errors += failed;
            created += made;
        }

        if (freshness is not null)
        {
            await freshness.DrainAsync();
        }

        var after = await MetricsAsync(client);
        double Delta(string series) => after.GetValueOrDefault(series) - before.GetValueOrDefault(series);
        var sql = Delta("database_queries_total");
        var hits = Delta("cache_get_hit") + Delta("cache_get_stale");
        var misses = Delta("cache_get_miss");
        var refreshes = Delta("cache_refresh_success");
        var computations = Delta("computations");
        // The scrapes themselves: one SQL command (the outbox count) each.
        var sqlPerRequest = requests > 0 ? Math.Max(0, sql - 1) / requests : 0;
        double Ms(double percentile) => histogram.GetValueAtPercentile(percentile) / (double)TimeSpan.TicksPerMillisecond;
        return new Result(scenario.Name, requests, errors, requests / elapsed.TotalSeconds, Ms(50), Ms(95), Ms(99),
            histogram.GetMaxValue() / (double)TimeSpan.TicksPerMillisecond, sqlPerRequest,
            hits + misses > 0 ? hits / (hits + misses) : null,
            computations > 0 ? Delta("computation_sql") / computations : null,
            hits + misses > 0 ? Delta("cache_get_stale") / (hits + misses) : null,
            (long)refreshes,
            freshness?.P99Ms, freshness?.ClienteP99Ms, freshness?.SharedP99Ms, freshness?.Samples ?? 0,
            baseline is null ? null : baselineRequests / baselineElapsed.TotalSeconds,
            (long)computations, (long)(computations - Delta("computations_le3")), scenario.Write ? created : null);
    }

    private static async Task<(long Requests, long Errors, long Created)> LoadAsync(
        HttpClient client, Scenario scenario, int connections, TimeSpan duration, LongConcurrentHistogram? histogram, Freshness? freshness)
    {
        long requests = 0, errors = 0, created = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker * 7919);
            var buffer = new byte[64 * 1024];
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var (method, path, body) = scenario.Next(random);
                using var request = new HttpRequestMessage(method, path);
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    var payload = method == HttpMethod.Post ? await response.Content.ReadAsByteArrayAsync() : await DrainAsync(response, buffer);
                    histogram?.RecordValue(Stopwatch.GetElapsedTime(started).Ticks);
                    if (scenario.Write && response.StatusCode == HttpStatusCode.Created)
                    {
                        Interlocked.Increment(ref created);
                    }

                    if ((int)response.StatusCode >= 400 || (scenario.Write && response.StatusCode != HttpStatusCode.Created))
                    {
                        Interlocked.Increment(ref errors);
                    }
                    else if (freshness is not null && method == HttpMethod.Post)
                    {
                        freshness.Written(payload);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                Interlocked.Increment(ref requests);
            }
        })));
        return (requests, errors, created);
    }

    /// <summary>Reads a body to its end into a reused buffer (a load generator should not spend its cores on garbage).</summary>
    private static async Task<byte[]> DrainAsync(HttpResponseMessage response, byte[] buffer)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        while (await body.ReadAsync(buffer) > 0)
        {
        }

        return [];
    }

    /// <summary>Sums of the counters the report needs, from the Prometheus text.</summary>
    private static async Task<Dictionary<string, double>> MetricsAsync(HttpClient client)
    {
        var text = await client.GetStringAsync("api/metrics");
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var value = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            var name = line[..space];
            var key = name.StartsWith("database_queries_total", StringComparison.Ordinal) ? "database_queries_total"
                : name.StartsWith("cache_operations_total{operation=\"get\",result=\"hit\"}", StringComparison.Ordinal) ? "cache_get_hit"
                : name.StartsWith("cache_operations_total{operation=\"get\",result=\"miss\"}", StringComparison.Ordinal) ? "cache_get_miss"
                : name.StartsWith("cache_operations_total{operation=\"get\",result=\"stale\"}", StringComparison.Ordinal) ? "cache_get_stale"
                : name.StartsWith("cache_operations_total{operation=\"refresh\",result=\"success\"}", StringComparison.Ordinal) ? "cache_refresh_success"
                : name == "cache_computation_sql_commands_count" ? "computations"
                : name == "cache_computation_sql_commands_sum" ? "computation_sql"
                : name == "cache_computation_sql_commands_bucket{le=\"3\"}" ? "computations_le3"
                : null;
            if (key is not null)
            {
                values[key] = values.GetValueOrDefault(key) + value;
            }
        }

        return values;
    }
}

/// <summary>
/// Write → read, two ways. The cliente path: after a pedido of the mix, its cliente's detail (the key the mix
/// reads) is polled until the pedido shows. The shared path: once a second a new cliente is registered (nothing
/// else in the mix does that) and the dashboard is polled until its total_clientes counts it.
/// </summary>
internal sealed class Freshness(HttpClient client)
{
    private readonly List<Task<double>> checks = [];
    private readonly List<double> shared = [];
    private readonly SemaphoreSlim gate = new(4);
    private readonly CancellationTokenSource stop = new();
    private Task? sharedLoop;

    public int Samples => checks.Count + shared.Count;

    public double? P99Ms { get; private set; }

    public double? ClienteP99Ms { get; private set; }

    public double? SharedP99Ms { get; private set; }

    public void Start() => sharedLoop = Task.Run(SharedLoopAsync);

    public void Written(byte[] created)
    {
        var pedido = JsonNode.Parse(created)!;
        var cliente = pedido["cliente_id"]!.GetValue<long>();
        var id = pedido["id"]!.GetValue<long>();
        lock (checks)
        {
            if (checks.Count < 500)
            {
                checks.Add(CheckAsync(cliente, id));
            }
        }
    }

    public async Task DrainAsync()
    {
        await stop.CancelAsync();
        if (sharedLoop is not null)
        {
            await sharedLoop;
        }

        var cliente = (await Task.WhenAll(checks)).Order().ToArray();
        var dashboard = shared.Order().ToArray();
        ClienteP99Ms = P99(cliente);
        SharedP99Ms = P99(dashboard);
        P99Ms = P99([.. cliente, .. dashboard]);
    }

    private static double? P99(double[] times) =>
        times.Length == 0 ? null : times.Order().ElementAt((int)Math.Ceiling(times.Length * 0.99) - 1);

    private async Task<double> CheckAsync(long cliente, long pedido)
    {
        var written = Stopwatch.StartNew();
        await gate.WaitAsync();
        try
        {
            while (written.Elapsed < TimeSpan.FromSeconds(10))
            {
                var detail = JsonNode.Parse(await client.GetStringAsync($"api/vendedor/clientes/{cliente}"))!;
                if (detail["pedidos"]!.AsArray().Any(p => p!["id"]!.GetValue<long>() == pedido))
                {
                    return written.Elapsed.TotalMilliseconds;
                }

                await Task.Delay(5);
            }

            return written.Elapsed.TotalMilliseconds;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task SharedLoopAsync()
    {
        var expected = await TotalClientesAsync();
        while (!stop.IsCancellationRequested)
        {
            var body = $$"""{"nome":"Bench {{Guid.NewGuid():N}}"}""";
            using var created = await client.PostAsync("api/clientes", new StringContent(body, Encoding.UTF8, "application/json"));
            var written = Stopwatch.StartNew();
            if (!created.IsSuccessStatusCode)
            {
                break;
            }

            expected++;
            while (await TotalClientesAsync() < expected && written.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(5);
            }

            shared.Add(written.Elapsed.TotalMilliseconds);
            try
            {
                await Task.Delay(1000, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<long> TotalClientesAsync() =>
        JsonNode.Parse(await client.GetStringAsync("api/vendedor/dashboard"))!["resumo"]!["total_clientes"]!.GetValue<long>();
}

/// <summary>
/// A steady load for a long time: the mixed scenario at a fixed rate (each connection sends on its own schedule and
/// never bursts to catch up), with latency and errors reported minute by minute.
/// </summary>
internal static class Soak
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task WarmAsync(HttpClient client, IReadOnlyList<string> paths, int connections)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < paths.Count)
            {
                using var response = await client.GetAsync(paths[i]);
                await response.Content.LoadIntoBufferAsync();
            }
        })));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: every read key once ({paths.Count} reads) in {clock.Elapsed.TotalSeconds:0.0} s"));
    }

    public static async Task<int> RunAsync(HttpClient client, Scenario scenario, Options options)
    {
        var minutes = (options.Seconds + 59) / 60;
        var histograms = Enumerable.Range(0, minutes).Select(_ => new LongConcurrentHistogram(1, TimeStamp.Hours(1), 3)).ToArray();
        var requests = new long[minutes];
        var errors = new long[minutes];
        var period = TimeSpan.FromSeconds((double)options.Connections / options.Rate);
        var start = Stopwatch.GetTimestamp();
        var end = TimeSpan.FromSeconds(options.Seconds);
        var reporter = Task.Run(async () =>
        {
            for (var minute = 0; minute < minutes; minute++)
            {
                var due = TimeSpan.FromMinutes(minute + 1) - Stopwatch.GetElapsedTime(start);
                await Task.Delay(due > TimeSpan.Zero ? due : TimeSpan.Zero);
                await Task.Delay(TimeSpan.FromSeconds(1)); // the minute's last answers
                Console.WriteLine(Line(minute, histograms[minute], Interlocked.Read(ref requests[minute]), Interlocked.Read(ref errors[minute])));
            }
        });
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker * 104729);
            var buffer = new byte[64 * 1024];
            var next = period * worker / options.Connections;
            while (next < end)
            {
                var wait = next - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var (method, path, body) = scenario.Next(random);
                using var request = new HttpRequestMessage(method, path);
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                var started = Stopwatch.GetTimestamp();
                var minute = Math.Min(minutes - 1, (int)(Stopwatch.GetElapsedTime(start).TotalMinutes));
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    await using (var stream = await response.Content.ReadAsStreamAsync())
                    {
                        while (await stream.ReadAsync(buffer) > 0)
                        {
                        }
                    }

                    if ((int)response.StatusCode >= 400)
                    {
                        Interlocked.Increment(ref errors[minute]);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors[minute]);
                }

                histograms[minute].RecordValue(Stopwatch.GetElapsedTime(started).Ticks);
                Interlocked.Increment(ref requests[minute]);
                // The next slot on this connection's schedule; one missed while waiting is skipped, not made up.
                var now = Stopwatch.GetElapsedTime(start);
                do
                {
                    next += period;
                }
                while (next < now);
            }
        })));
        await reporter;
        var rows = Enumerable.Range(0, minutes).Select(m => new
        {
            minute = m + 1,
            requests = requests[m],
            errors = errors[m],
            rps = requests[m] / 60.0,
            p50_ms = Ms(histograms[m], 50),
            p99_ms = Ms(histograms[m], 99),
            max_ms = histograms[m].GetMaxValue() / (double)TimeSpan.TicksPerMillisecond,
        }).ToList();
        Directory.CreateDirectory(options.Out);
        await File.WriteAllTextAsync(Path.Combine(options.Out, "soak.json"), JsonSerializer.Serialize(rows, Indented));
        return errors.Sum() > 0 ? 1 : 0;
    }

    private static double Ms(LongConcurrentHistogram histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) / (double)TimeSpan.TicksPerMillisecond;

    private static string Line(int minute, LongConcurrentHistogram histogram, long requests, long errors) => string.Create(CultureInfo.InvariantCulture,
        $"minute {minute + 1,2}: {requests,7} requests ({requests / 60.0,6:0} req/s)  errors {errors}  p50 {Ms(histogram, 50),7:0.00} ms  p99 {Ms(histogram, 99),8:0.00} ms");
}

/// <summary>
/// What logging at Information costs: /api/health on two instances of one build, one at Information (--url, its
/// stdout in --log) and one at Warning (--baseline-url), loaded in alternating slices so both see the same machine;
/// then whether every request got its "request completed" line (the buffer's drops counted by the app), and a burst.
/// </summary>
internal static class LogCost
{
    private const int Slices = 8;
    private const int Burst = 5_000;

    // Long enough for the tiered JIT to have optimized the logging path too: a first slice measured earlier paid for it.
    private static readonly TimeSpan MinimumWarmup = TimeSpan.FromSeconds(6);

    public static async Task<int> RunAsync(Options options, string token)
    {
        using var info = Client(options.Url);
        using var warning = Client(options.BaselineUrl ?? throw new ArgumentException("--baseline-url is required"));
        var log = options.Log ?? throw new ArgumentException("--log is required");
        var health = new Scenario("health", _ => (HttpMethod.Get, "api/health", null));
        // Lines already there (the script's readiness probe) are not the benchmark's.
        var (before, _) = await SettledLinesAsync(info, log, token);
        long infoRequests = 0;
        foreach (var client in new[] { info, warning })
        {
            var warmup = TimeSpan.FromSeconds(options.Warmup) > MinimumWarmup ? TimeSpan.FromSeconds(options.Warmup) : MinimumWarmup;
            var (n, _) = await LoadAsync(client, health, options.Connections, warmup);
            infoRequests += client == info ? n : 0;
        }

        var slice = TimeSpan.FromSeconds((double)options.Seconds / Slices);
        var rates = new List<(double Info, double Warning)>();
        long errors = 0;
        for (var i = 0; i < Slices; i++)
        {
            // Which goes first alternates, so a drift of the machine during a pair favours neither.
            var order = i % 2 == 0 ? new[] { info, warning } : [warning, info];
            double infoRate = 0, warningRate = 0;
            foreach (var client in order)
            {
                var clock = Stopwatch.StartNew();
                var (n, failed) = await LoadAsync(client, health, options.Connections, slice);
                errors += failed;
                if (client == info)
                {
                    infoRequests += n;
                    infoRate = n / clock.Elapsed.TotalSeconds;
                }
                else
                {
                    warningRate = n / clock.Elapsed.TotalSeconds;
                }
            }

            rates.Add((infoRate, warningRate));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slice {i + 1}: Information {infoRate,8:0} req/s  Warning {warningRate,8:0} req/s  ratio {infoRate / warningRate:P1}"));
        }

        var infoMean = rates.Average(r => r.Info);
        var warningMean = rates.Average(r => r.Warning);
        var (settled, dropped) = await SettledLinesAsync(info, log, token);
        var lines = settled - before;
        var complete = lines + dropped == infoRequests;
        var ratios = rates.Select(r => r.Info / r.Warning).Order().ToArray();
        var median = (ratios[(ratios.Length - 1) / 2] + ratios[ratios.Length / 2]) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"/api/health at Information {infoMean:0} req/s, at Warning {warningMean:0} req/s: ratio {infoMean / warningMean:P1}, median of the slices' ratios {median:P1} (slices {ratios[0]:P0}–{ratios[^1]:P0}); errors {errors}"));
        Console.WriteLine($"Information instance: {infoRequests} requests, {lines} 'request completed' lines, {dropped} dropped by the full buffer{(complete ? "" : " — MISMATCH")}");

        // A burst: as many requests as fast as the connections go, then exactly as many more lines.
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < Burst)
            {
                using var response = await info.GetAsync("api/health");
                await response.Content.LoadIntoBufferAsync();
            }
        })));
        var (afterBurst, droppedAfter) = await SettledLinesAsync(info, log, token);
        var burstLines = afterBurst - settled;
        Console.WriteLine($"burst of {Burst} requests: {burstLines} new 'request completed' lines, {droppedAfter - dropped} dropped{(burstLines == Burst ? "" : " — MISMATCH")}");

        Directory.CreateDirectory(options.Out);
        var text = new StringBuilder("| slice | Information req/s | Warning req/s | ratio |\n|---:|---:|---:|---:|\n");
        for (var i = 0; i < rates.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {i + 1} | {rates[i].Info:0} | {rates[i].Warning:0} | {rates[i].Info / rates[i].Warning:P1} |\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"| mean | {infoMean:0} | {warningMean:0} | {infoMean / warningMean:P1} |\n");
        text.Append(CultureInfo.InvariantCulture, $"| median ratio | | | {median:P1} |\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Information instance: {infoRequests} requests, {lines} `request completed` lines, {dropped} dropped. Burst of {Burst}: {burstLines} lines, {droppedAfter - dropped} dropped.\n");
        await File.WriteAllTextAsync(Path.Combine(options.Out, "logging.md"), text.ToString());
        return errors == 0 && complete && burstLines == Burst ? 0 : 1;
    }

    private static HttpClient Client(string url) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseProxy = false })
    {
        BaseAddress = new Uri(url),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static async Task<(long Requests, long Errors)> LoadAsync(HttpClient client, Scenario scenario, int connections, TimeSpan duration)
    {
        long requests = 0, errors = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var buffer = new byte[4096];
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                try
                {
                    using var response = await client.GetAsync(scenario.Next(Random.Shared).Path, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    while (await body.ReadAsync(buffer) > 0)
                    {
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                Interlocked.Increment(ref requests);
            }
        })));
        return (requests, errors);
    }

    /// <summary>The /api/health "request completed" lines in the log once it stops growing, and the app's drop count.</summary>
    private static async Task<(long Lines, long Dropped)> SettledLinesAsync(HttpClient info, string log, string token)
    {
        long last = -1, lines = 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            lines = 0;
            await using (var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var reader = new StreamReader(stream))
            {
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (line.Contains("\"message\":\"request completed\"", StringComparison.Ordinal) && line.Contains("\"path\":\"/api/health\"", StringComparison.Ordinal))
                    {
                        lines++;
                    }
                }
            }

            if (lines == last)
            {
                break;
            }

            last = lines;
            await Task.Delay(500);
        }

        return (lines, await DroppedAsync(info, token));
    }

    private static async Task<long> DroppedAsync(HttpClient info, string token)
    {
        using var scrape = new HttpRequestMessage(HttpMethod.Get, "api/metrics");
        scrape.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await info.SendAsync(scrape);
        var text = await response.Content.ReadAsStringAsync();
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("log_events_dropped_total ", StringComparison.Ordinal));
        return line is null ? -1 : (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
