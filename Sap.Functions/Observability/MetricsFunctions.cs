using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prometheus;
using Sap.Functions.Events;
using Sap.Functions.Security;

namespace Sap.Functions.Observability;

public sealed class MetricsFunctions(SapMetrics metrics, OutboxPublisher publisher)
{
    /// <summary>The Prometheus text exposition (0.0.4) of this instance: ADMIN, or the scrape token.</summary>
    [Function(nameof(Metrics))]
    [RequireRoles]
    [ScrapeToken]
    public async Task<IActionResult> Metrics([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "metrics")] HttpRequest request)
    {
        await publisher.PendingAsync(request.HttpContext.RequestAborted);
        using var body = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(body, request.HttpContext.RequestAborted);
        return new FileContentResult(body.ToArray(), PrometheusConstants.TextContentTypeWithVersionAndEncoding);
    }
}
