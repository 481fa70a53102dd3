using Npgsql;
using Sap.Domain.Data;
using Sap.Functions.Events;

namespace Sap.Integration.Tests.Cache;

/// <summary>The outbox publisher's lease (a session advisory lock) on a pooled connection string, as deployments run.</summary>
public sealed class PublisherLeaseTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_released_lease_can_be_taken_again_while_its_pooled_connection_idles()
    {
        var db = await TestDatabases.PostgresAsync(postgres);
        var pooled = db with { ConnectionString = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = true }.ConnectionString };
        var ct = TestContext.Current.CancellationToken;

        await using (var first = await PublisherLease.TryAcquireAsync(pooled, ct))
        {
            Assert.NotNull(first);
        }

        // The first lease's physical connection, back in the pool and not used since: if the lock still lived in its
        // session, every other connection would be refused the lease until the pool pruned this one.
        await using var idle = new NpgsqlConnection(pooled.ConnectionString);
        await idle.OpenAsync(ct);
        await using var second = await PublisherLease.TryAcquireAsync(pooled, ct);

        Assert.NotNull(second);
        NpgsqlConnection.ClearPool(idle);
    }
}
