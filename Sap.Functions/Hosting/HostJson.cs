using System.Text.Json;

namespace Sap.Functions.Hosting;

/// <summary>The host.json settings the self-host honours, read from the file the Functions host reads.</summary>
internal sealed record HostJson(string RoutePrefix, QueueSettings Queues)
{
    public static HostJson Load(string directory)
    {
        var path = Path.Combine(directory, "host.json");
        if (!File.Exists(path))
        {
            return new HostJson("api", new QueueSettings());
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var prefix = document.RootElement.TryGetProperty("extensions", out var ext)
            && ext.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var p)
            ? p.GetString() ?? "api"
            : "api";
        var queues = new QueueSettings();
        if (document.RootElement.TryGetProperty("extensions", out var e) && e.TryGetProperty("queues", out var q))
        {
            queues = new QueueSettings
            {
                BatchSize = q.TryGetProperty("batchSize", out var b) ? b.GetInt32() : queues.BatchSize,
                NewBatchThresholdSetting = q.TryGetProperty("newBatchThreshold", out var n) ? n.GetInt32() : null,
                MaxDequeueCount = q.TryGetProperty("maxDequeueCount", out var m) ? m.GetInt32() : queues.MaxDequeueCount,
                VisibilityTimeout = q.TryGetProperty("visibilityTimeout", out var v) ? TimeSpan.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : queues.VisibilityTimeout,
                MaxPollingInterval = q.TryGetProperty("maxPollingInterval", out var p2) ? TimeSpan.Parse(p2.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : queues.MaxPollingInterval,
            };
        }

        return new HostJson(prefix.Trim('/'), queues);
    }
}
