using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sap.Domain;
using Sap.Domain.Settings;
using Sap.Domain.Writes;

namespace Sap.Functions.Events;

public static class EventsHostingExtensions
{
    /// <summary>
    /// The event pipeline: the outbox publisher (woken on commit, sweeping on a timer), the queue (the Storage
    /// queue when <c>AzureWebJobsStorage</c> is set, else in process), the processor that invalidates the cache.
    /// </summary>
    public static IHostApplicationBuilder AddSapEvents(this IHostApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<EventsOptions, EventsOptionsValidator>(EventsOptions.SectionName);
        var storage = builder.Configuration[EventsOptions.StorageSetting];
        if (string.IsNullOrWhiteSpace(storage))
        {
            builder.Services.AddSingleton<InProcessEventQueue>();
            builder.Services.AddSingleton<IEventQueue>(sp => sp.GetRequiredService<InProcessEventQueue>());
        }
        else
        {
            try
            {
                _ = StorageEventQueue.Create(storage, options.Queue, Azure.Storage.Queues.QueueMessageEncoding.Base64);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                throw new InvalidSettingsException($"{EventsOptions.StorageSetting}: not a Storage account connection string.", e);
            }

            builder.Services.AddSingleton<IEventQueue>(_ => new StorageEventQueue(storage, options.Queue));
        }

        builder.Services.AddSingleton<OutboxPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxPublisher>());
        builder.Services.AddSingleton<EventProcessor>();
        builder.Services.AddSingleton<ICommitListener, CommitListener>();
        return builder;
    }
}
