using Prometheus;

namespace Sap.Functions.Observability;

/// <summary>
/// The metrics of SPEC §7 on one injectable registry (per instance: each instance counts its own; a scrape sees one).
/// Every label is bounded: endpoint is the function name, never a path; operation and result are small fixed sets.
/// </summary>
public sealed class SapMetrics
{
    public SapMetrics(CollectorRegistry registry, string version, string environment)
    {
        Registry = registry;
        var factory = Metrics.WithCustomRegistry(registry);
        HttpRequests = factory.CreateCounter("http_requests_total", "HTTP requests answered.", "method", "endpoint", "status");
        HttpDuration = factory.CreateHistogram("http_request_duration_seconds", "HTTP request duration.",
            new HistogramConfiguration { LabelNames = ["method", "endpoint"] });
        HttpInProgress = factory.CreateGauge("http_requests_in_progress", "HTTP requests being served.", "method", "endpoint");
        BusinessOperations = factory.CreateCounter("business_operations_total", "Writes by module, operation and outcome.", "module", "operation", "status");
        BusinessDuration = factory.CreateHistogram("business_operation_duration_seconds", "Write duration.",
            new HistogramConfiguration { LabelNames = ["module", "operation"] });
        DatabaseQueries = factory.CreateCounter("database_queries_total", "SQL commands sent to the database.", "operation");
        CacheOperations = factory.CreateCounter("cache_operations_total", "Cache operations by outcome.", "operation", "result");
        CacheComputationSql = factory.CreateHistogram("cache_computation_sql_commands", "SQL commands per cached read computed (a miss or a refresh).",
            new HistogramConfiguration { Buckets = [0, 1, 2, 3, 4, 6, 10] });
        EventsProcessed = factory.CreateCounter("events_processed_total", "Queue events handled.", "type", "result");
        InvalidationLag = factory.CreateHistogram("event_invalidation_lag_seconds", "From an event's time to its invalidation done.",
            new HistogramConfiguration { Buckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60] });
        OutboxPending = factory.CreateGauge("outbox_pending", "Committed events not yet published.");
        LogEventsDropped = factory.CreateCounter("log_events_dropped_total", "Log events dropped because the log buffer was full (a request never waits for stdout).");
        factory.CreateGauge("app_info", "Sap's version and environment.", "version", "environment").WithLabels(version, environment).Set(1);
    }

    public CollectorRegistry Registry { get; }

    /// <summary><c>log_events_dropped_total</c> follows the buffer's count, read at each scrape.</summary>
    public void CountDroppedLogs(LogBuffer buffer) => Registry.AddBeforeCollectCallback(() => LogEventsDropped.IncTo(buffer.Dropped));

    public Counter HttpRequests { get; }

    public Histogram HttpDuration { get; }

    public Gauge HttpInProgress { get; }

    public Counter BusinessOperations { get; }

    public Histogram BusinessDuration { get; }

    public Counter DatabaseQueries { get; }

    public Counter CacheOperations { get; }

    public Histogram CacheComputationSql { get; }

    public Counter EventsProcessed { get; }

    public Histogram InvalidationLag { get; }

    public Gauge OutboxPending { get; }

    public Counter LogEventsDropped { get; }
}
