using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Sap.Domain.Events;
using Sap.Functions.Caching;

namespace Sap.Integration.Tests.Cache;

/// <summary>
/// A queue message is deleted only once its invalidation is done in the shared cache (SPEC §5): while the invalidation
/// is held back the message stays on the queue, invisible; released, it is deleted; an invalidation that fails (Redis
/// away) fails the invocation, which is retried and then poisoned.
/// </summary>
public sealed class AckOrderTests(PostgresServer postgres, EventStack stack) : IClassFixture<EventStack>
{
    [Fact]
    public async Task The_message_stays_on_the_queue_until_its_invalidation_is_done_then_it_is_deleted()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var cliente = await new Seed(db).ClienteAsync("Bar da Espera");
        var probe = new InvalidationProbe();
        var deployment = EventStack.NewDeployment();
        await using var app = await stack.StartAppAsync(db, deployment, services: s => s.AddSingleton<IInvalidationHook>(probe));
        var queue = Queue($"ev-{deployment}");
        var hold = probe.Hold(CacheTags.Cliente(cliente));

        await EventQueue.SendAsync(stack.Azurite.ConnectionString, $"ev-{deployment}", "cliente.atualizado", new { cliente_id = cliente });
        await hold.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        // Held back: the message was received (invisible to others) and is not deleted, however long the hold lasts.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1, await CountAsync(queue));
            Assert.Empty((await queue.PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value);
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        hold.Release.TrySetResult();
        await Eventually.HoldsAsync(async () => await CountAsync(queue) == 0, "the message was not deleted after its invalidation", seconds: 10);
        Assert.Equal(0, await EventQueue.CountAsync(stack.Azurite.ConnectionString, $"ev-{deployment}-poison"));
        Assert.Equal(1, await AppMetrics.EventsHandledAsync(app, "cliente.atualizado"));
    }

    [Fact]
    public async Task An_invalidation_that_fails_because_redis_is_away_is_retried_and_then_poisoned()
    {
        var db = await TestDatabases.MigratedPostgresAsync(postgres);
        var cliente = await new Seed(db).ClienteAsync("Bar do Apagão");
        var probe = new InvalidationProbe();
        var deployment = EventStack.NewDeployment();
        await using var app = await stack.StartAppAsync(db, deployment, services: s => s.AddSingleton<IInvalidationHook>(probe));
        var tag = CacheTags.Cliente(cliente);
        await stack.Redis.StopAsync();
        try
        {
            await EventQueue.SendAsync(stack.Azurite.ConnectionString, $"ev-{deployment}", "cliente.atualizado", new { cliente_id = cliente });

            await Eventually.HoldsAsync(async () => await EventQueue.CountAsync(stack.Azurite.ConnectionString, $"ev-{deployment}-poison") == 1,
                "the event whose invalidation kept failing did not reach the poison queue", seconds: 90, pollMs: 250);
            // host.json's maxDequeueCount deliveries, each trying the removal again for a while (ADR 11) and failing
            // because Redis could not take it: at least one try per delivery.
            Assert.True(probe.Attempts(tag) >= 5, $"{probe.Attempts(tag)} tries");
            Assert.Equal(0, await CountAsync(Queue($"ev-{deployment}")));
            Assert.Equal(0, await AppMetrics.EventsHandledAsync(app, "cliente.atualizado"));
        }
        finally
        {
            await stack.Redis.StartAsync();
        }
    }

    private QueueClient Queue(string name) => new(stack.Azurite.ConnectionString, name);

    /// <summary>Messages on a queue, the invisible ones (received, not yet deleted) included.</summary>
    private static async Task<int> CountAsync(QueueClient queue) =>
        (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount;

    /// <summary>Counts removals per tag and, when told to, holds the next removal of a tag until released.</summary>
    private sealed class InvalidationProbe : IInvalidationHook
    {
        private readonly ConcurrentDictionary<string, int> attempts = new(StringComparer.Ordinal);
        private volatile Gate? gate;

        public int Attempts(string tag) => attempts.GetValueOrDefault(tag);

        public Gate Hold(string tag) => gate = new Gate(tag);

        public async Task RemovingAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
        {
            foreach (var tag in tags)
            {
                attempts.AddOrUpdate(tag, 1, (_, n) => n + 1);
            }

            if (gate is { } held && tags.Contains(held.Tag))
            {
                gate = null;
                held.Entered.TrySetResult();
                await held.Release.Task.WaitAsync(cancellationToken);
            }
        }

        public sealed class Gate(string tag)
        {
            public string Tag { get; } = tag;

            public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
