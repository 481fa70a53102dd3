using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sap.Functions.Events;

namespace Sap.Functions.Hosting;

/// <summary>
/// The self-host's stand-in for the Functions host's queue listener, with its semantics (host.json): a batch of
/// batchSize messages is handled at once and the next one fetched when those under way are down to
/// newBatchThreshold, messages are base64 (one that is not goes straight to poison), a message is deleted once its
/// function returns, a failed message becomes visible again after visibilityTimeout, after maxDequeueCount tries it
/// moves to "&lt;queue&gt;-poison", and polling backs off from 100 ms to maxPollingInterval while the queue is empty.
/// Without a Storage account it drains the in-process queue.
/// </summary>
internal sealed partial class QueueListener(
    FunctionCatalog catalog, IServiceProvider services, IConfiguration configuration, Observability.SapMetrics metrics, ILogger<QueueListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan MinPolling = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private readonly QueueSettings settings = HostJson.Load(AppContext.BaseDirectory).Queues;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inProcess = services.GetService<InProcessEventQueue>();
        return Task.WhenAll(catalog.Queues.Select(f => inProcess is null
            ? PollStorageAsync(f, stoppingToken)
            : DrainInProcessAsync(f, inProcess, stoppingToken)));
    }

    private async Task PollStorageAsync(QueueFunction function, CancellationToken stoppingToken)
    {
        var connection = configuration[function.Connection]
            ?? throw new InvalidOperationException($"{function.Name}: setting {function.Connection} is missing.");
        var name = Resolve(function.QueueName);
        // Raw text both ways: decoding is ours, so a message that is not base64 can be moved aside, as the host does.
        var queue = StorageEventQueue.Create(connection, name, QueueMessageEncoding.None);
        var poison = StorageEventQueue.Create(connection, name + "-poison", QueueMessageEncoding.None);
        var delay = MinPolling;
        var created = false;
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!created)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    created = true;
                }

                running.RemoveAll(t => t.IsCompleted);
                if (running.Count > settings.NewBatchThreshold)
                {
                    // As the host does: the next batch is fetched once the messages under way are down to newBatchThreshold.
                    await Task.WhenAny(running);
                    continue;
                }

                QueueMessage[] messages = await queue.ReceiveMessagesAsync(settings.BatchSize, Lease, stoppingToken);
                // Each invocation waits for its invalidation round, and the rounds coalesce the events under way.
                running.AddRange(messages.Select(message => HandleLoggedAsync(function, queue, poison, name, message, stoppingToken)));
                if (messages.Length > 0)
                {
                    delay = MinPolling;
                    continue;
                }

                delay = Min(delay * 2, settings.MaxPollingInterval);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: a receive cut short (or timed out) is not a failure; the messages under way finish below.
                break;
            }
            catch (Exception e)
            {
                LogPollFailed(logger, name, e);
                created = false;
                delay = Min(delay * 2, settings.MaxPollingInterval);
            }

            await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>
    /// A message's handling, whose own failures (the queue out of reach while deleting it) are logged: the message
    /// becomes visible again after its lease.
    /// </summary>
    private async Task HandleLoggedAsync(QueueFunction function, QueueClient queue, QueueClient poison, string name, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await HandleAsync(function, queue, poison, message, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogPollFailed(logger, name, e);
        }
    }

    private async Task HandleAsync(QueueFunction function, QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText));
        }
        catch (FormatException)
        {
            LogNotBase64(logger, message.MessageId);
            metrics.EventsProcessed.WithLabels("unknown", "poisoned").Inc();
            await poison.SendMessageAsync(message.MessageText, stoppingToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
            return;
        }

        try
        {
            await InvokeAsync(function, text, stoppingToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                LogPoisoned(logger, message.MessageId, message.DequeueCount, e);
                metrics.EventsProcessed.WithLabels("unknown", "poisoned").Inc();
                await poison.SendMessageAsync(message.MessageText, stoppingToken);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
            }
            else
            {
                LogRetry(logger, message.MessageId, message.DequeueCount, e);
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: stoppingToken);
            }
        }
    }

    private async Task DrainInProcessAsync(QueueFunction function, InProcessEventQueue queue, CancellationToken stoppingToken)
    {
        // Up to batchSize messages at once, as from the Storage queue.
        using var slots = new SemaphoreSlim(settings.BatchSize);
        var running = new List<Task>();
        await foreach (var text in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await slots.WaitAsync(stoppingToken);
            running.RemoveAll(t => t.IsCompleted);
            running.Add(HandleInProcessAsync(function, text, slots, stoppingToken));
        }

        await Task.WhenAll(running);
    }

    private async Task HandleInProcessAsync(QueueFunction function, string text, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await InvokeAsync(function, text, stoppingToken);
                    return;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    if (attempt >= settings.MaxDequeueCount)
                    {
                        LogPoisoned(logger, "in-process", attempt, e);
                        return;
                    }
                }
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task InvokeAsync(QueueFunction function, string message, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Method.DeclaringType!);
        var arguments = function.Method.GetParameters()
            .Select(p => p.ParameterType == typeof(CancellationToken) ? (object)cancellationToken : message)
            .ToArray();
        try
        {
            if (function.Method.Invoke(instance, arguments) is Task task)
            {
                await task;
            }
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }

    /// <summary>"%Sap:Events:Queue%" → the setting's value, as the Functions host resolves binding expressions.</summary>
    private string Resolve(string name) =>
        name.StartsWith('%') && name.EndsWith('%')
            ? configuration[name.Trim('%')] ?? new EventsOptions().Queue
            : name;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling queue {Queue} failed")]
    private static partial void LogPollFailed(ILogger logger, string queue, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} moved to the poison queue after {DequeueCount} tries")]
    private static partial void LogPoisoned(ILogger logger, string messageId, long dequeueCount, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} moved to the poison queue: not base64")]
    private static partial void LogNotBase64(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} failed (try {DequeueCount}); it will be retried")]
    private static partial void LogRetry(ILogger logger, string messageId, long dequeueCount, Exception error);
}
