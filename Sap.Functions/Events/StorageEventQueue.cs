using Azure.Storage.Queues;

namespace Sap.Functions.Events;

/// <summary>
/// The Storage queue, written base64-encoded as the Functions host reads it (plain text would go straight to
/// the poison queue). Short timeouts and few retries: publishing runs after commit and is retried by the sweep.
/// </summary>
public sealed class StorageEventQueue(string connectionString, string queueName) : IEventQueue
{
    private readonly QueueClient client = Create(connectionString, queueName, QueueMessageEncoding.Base64);
    private volatile bool created;

    public static QueueClient Create(string connectionString, string queueName, QueueMessageEncoding encoding)
    {
        var options = new QueueClientOptions { MessageEncoding = encoding };
        options.Retry.MaxRetries = 1;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        return new QueueClient(connectionString, queueName, options);
    }

    public async Task SendAsync(string message, CancellationToken cancellationToken)
    {
        if (!created)
        {
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            created = true;
        }

        try
        {
            await client.SendMessageAsync(message, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // The queue was deleted (or the emulator restarted empty): make it again, once.
            created = false;
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            created = true;
            await client.SendMessageAsync(message, cancellationToken);
        }
    }
}
