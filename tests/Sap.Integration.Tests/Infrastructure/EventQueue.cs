using System.Text.Json;
using Azure.Storage.Queues;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>Puts events on a deployment's queue as another system would, and waits for an app to have handled them.</summary>
public static class EventQueue
{
    /// <param name="attributes">More CloudEvents attributes (extensions such as traceparent).</param>
    public static async Task SendAsync(
        string connection, string queue, string type, object data, string requestId = "external-1", IDictionary<string, string>? attributes = null)
    {
        var client = new QueueClient(connection, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await client.CreateIfNotExistsAsync();
        var message = new Dictionary<string, object>
        {
            ["specversion"] = "1.0",
            ["id"] = Guid.NewGuid().ToString(),
            ["source"] = "/outro-sistema",
            ["type"] = type,
            ["time"] = DateTime.UtcNow,
            ["datacontenttype"] = "application/json",
            ["requestid"] = requestId,
            ["data"] = data,
        };
        foreach (var (name, value) in attributes ?? new Dictionary<string, string>())
        {
            message[name] = value;
        }

        await client.SendMessageAsync(JsonSerializer.Serialize(message));
    }

    /// <summary>Puts a message on the queue exactly as given (a redelivery of an event Sap published).</summary>
    public static async Task SendRawAsync(string connection, string queue, string message)
    {
        var client = new QueueClient(connection, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await client.CreateIfNotExistsAsync();
        await client.SendMessageAsync(message);
    }

    /// <summary>How many messages wait on a queue (the poison queue, for instance); 0 when it does not exist.</summary>
    public static async Task<int> CountAsync(string connection, string queue)
    {
        var client = new QueueClient(connection, queue);
        return await client.ExistsAsync() ? (await client.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;
    }

    public static async Task WaitForInvalidationAsync(SapApp app, string source, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var stats = (await app.GetAsync("api/cache/stats", "ADMIN")).Ok().Json.GetProperty("stats").GetProperty("invalidations_by_event");
            if (stats.TryGetProperty(source, out var n) && n.GetInt64() >= count)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no '{source}' invalidation within 20 s");
    }
}
