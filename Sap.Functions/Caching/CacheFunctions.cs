using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Sap.Domain;
using Sap.Domain.Events;
using Sap.Functions.Events;
using Sap.Functions.Http;
using Sap.Functions.OpenApi;
using Sap.Functions.Security;

namespace Sap.Functions.Caching;

/// <summary>Cache administration (ADMIN only). Counters are this instance's.</summary>
public sealed class CacheFunctions(CacheStats stats, ReadCache cache, OutboxPublisher publisher)
{
    [Function(nameof(CacheStats))]
    [Returns(typeof(CacheStatsView))]
    [RequireRoles]
    public async Task<IActionResult> CacheStats(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "cache/stats")] HttpRequest request) =>
        new JsonResponse(new
        {
            enabled = cache.Enabled,
            stats = stats.View(),
            outbox_pending = await publisher.PendingAsync(request.HttpContext.RequestAborted),
        });

    [Function(nameof(CacheInvalidate))]
    [Body(typeof(InvalidateInput))]
    [RequireRoles]
    public async Task<IActionResult> CacheInvalidate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cache/invalidate")] HttpRequest request)
    {
        var input = (await RequestBody.ReadAsync(request)).Json<InvalidateInput>();
        var ct = request.HttpContext.RequestAborted;
        if (input.All == true)
        {
            await cache.ClearAsync(ct);
            return new JsonResponse(new { cleared = true, tags = Array.Empty<string>() });
        }

        var errors = new Dictionary<string, string[]>();
        var tags = new List<string>();
        foreach (var (tag, i) in (input.Tags ?? []).Select((t, i) => (t, i)))
        {
            if (string.IsNullOrWhiteSpace(tag) || tag.Length > 100)
            {
                errors[$"tags[{i}]"] = ["Tag vazia ou longa demais."];
            }
            else
            {
                tags.Add(tag.Trim());
            }
        }

        foreach (var (e, i) in (input.Events ?? []).Select((e, i) => (e, i)))
        {
            if (e is null)
            {
                errors[$"events[{i}]"] = ["Evento vazio."];
            }
            else if (e.Type is null || !EventTypes.All.Contains(e.Type))
            {
                errors[$"events[{i}].type"] = [$"Use um tipo do catálogo: {string.Join(", ", EventTypes.All)}."];
            }
            else
            {
                tags.AddRange(CacheTags.Changed(e.Type, e.Data ?? new EventData()));
            }
        }

        if (errors.Count > 0 || tags.Count == 0)
        {
            throw new ValidationException(errors.Count > 0 ? errors : new Dictionary<string, string[]> { ["tags"] = ["Informe tags, events ou all: true."] });
        }

        var distinct = tags.Distinct(StringComparer.Ordinal).ToList();
        await cache.InvalidateAsync(distinct, "admin", ct);
        return new JsonResponse(new { cleared = false, tags = distinct });
    }
}
