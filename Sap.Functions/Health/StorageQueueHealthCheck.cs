using Azure.Storage.Queues;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sap.Functions.Events;

namespace Sap.Functions.Health;

/// <summary>
/// The event queue's Storage account answers. Hand-written: no Storage Queues health check is served here, and this one
/// is the few lines Sap needs (a queue not created yet is up: the first event creates it).
/// </summary>
internal sealed class StorageQueueHealthCheck(string connectionString, string queueName) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var client = StorageEventQueue.Create(connectionString, queueName, QueueMessageEncoding.Base64);
        try
        {
            await client.GetPropertiesAsync(cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // The account answers; the queue itself is made by the first event published.
        }

        return HealthCheckResult.Healthy();
    }
}
