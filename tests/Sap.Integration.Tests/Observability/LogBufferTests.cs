using Prometheus;
using Sap.Functions.Observability;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Sap.Integration.Tests.Observability;

/// <summary>
/// Logging off the request path: a log call queues and returns, even while stdout is stuck; what a full buffer drops is
/// counted in log_events_dropped_total; on a burst that fits the buffer every request gets exactly one line.
/// </summary>
public sealed class LogBufferTests(PostgresServer postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task A_stuck_writer_never_blocks_the_caller_and_what_is_dropped_is_counted()
    {
        var buffer = new LogBuffer(capacity: 10);
        using var writer = new StuckSink();
        var metrics = new SapMetrics(Metrics.NewCustomRegistry(), "test", "Test");
        metrics.CountDroppedLogs(buffer);
        var logger = new LoggerConfiguration().WriteTo.SapBuffered(new EventSinkLines(writer), buffer).CreateLogger();

        // 100 lines while the writer is stuck on the first: the caller returns (a blocking buffer would hang here).
        await Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                logger.Information("line {Number}", i);
            }
        }, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The writer holds one, the buffer ten: the other 89 are dropped (90 if the writer had not taken one yet).
        Assert.InRange(buffer.Dropped, 89, 90);
        writer.Release();
        await logger.DisposeAsync();
        Assert.Equal(100, writer.Written + buffer.Dropped);
        using var scrape = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(scrape, TestContext.Current.CancellationToken);
        Assert.Contains($"log_events_dropped_total {buffer.Dropped}", System.Text.Encoding.UTF8.GetString(scrape.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_of_requests_writes_exactly_one_request_completed_line_per_request()
    {
        // 2 000 requests, fewer than the buffer holds (LogBuffer.DefaultCapacity) even if the writer never ran during the
        // burst: nothing may be dropped whatever the machine's speed, so the count must be exact.
        const int Requests = 2_000;
        Assert.True(Requests * 2 < LogBuffer.DefaultCapacity);
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var tokens = new TestTokens();
        await using var app = await SelfHostProcess.StartAsync(db, new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Information" }, tokens);

        var burst = "burst-" + Guid.NewGuid().ToString("N")[..8] + "-";
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Requests)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "api/health");
                request.Headers.TryAddWithoutValidation("X-Request-ID", burst + i.ToString(CultureInfo.InvariantCulture));
                using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
                Assert.True(response.IsSuccessStatusCode);
            }
        }, TestContext.Current.CancellationToken)));

        List<string> lines = [];
        await Eventually.HoldsAsync(() =>
        {
            lines = [.. app.Stdout.Where(l => l.Contains(burst, StringComparison.Ordinal))];
            return Task.FromResult(lines.Count >= Requests);
        }, $"fewer than {Requests} lines of the burst were written", seconds: 60, pollMs: 100);

        var ids = lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Where(l => l.GetProperty("message").GetString() == "request completed")
            .Select(l => l.GetProperty("request_id").GetString()).ToList();
        Assert.Equal(Requests, lines.Count);
        Assert.Equal(Requests, ids.Count);
        Assert.Equal(Requests, ids.Distinct().Count());
        var scrape = await app.SendAsync(HttpMethod.Get, "api/metrics", "ADMIN");
        Assert.Contains("log_events_dropped_total 0", scrape.Body, StringComparison.Ordinal);
        output.WriteLine($"{Requests} requests, {lines.Count} 'request completed' lines, none dropped");
    }

    private sealed class StuckSink : ILogEventSink, IDisposable
    {
        private readonly ManualResetEventSlim gate = new(false);
        private int written;

        public int Written => Volatile.Read(ref written);

        public void Emit(LogEvent logEvent)
        {
            gate.Wait();
            Interlocked.Increment(ref written);
        }

        public void Release() => gate.Set();

        public void Dispose() => gate.Dispose();
    }
}
