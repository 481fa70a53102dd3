using Microsoft.Extensions.Logging;
using Sap.Domain.Events;
using Sap.Domain.Writes;
using Sap.Functions.Caching;

namespace Sap.Functions.Events;

/// <summary>
/// After a commit: refresh what the events change on this instance (and invalidate it, through the backplane, on
/// the others): the cliente's own reads at once, so the writer reads its own write, the shared ones in the next
/// coalesced round; then wake the publisher. The queue consumer will invalidate again
/// from the published event, which is what makes the invalidation durable and reach every kind of reader.
/// </summary>
public sealed partial class CommitListener(ReadCache cache, OutboxPublisher publisher, ILogger<CommitListener> logger) : ICommitListener
{
    public async Task CommittedAsync(IReadOnlyList<CloudEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            var tags = events.SelectMany(e => CacheTags.Changed(e.Type, e.Data)).Distinct(StringComparer.Ordinal).ToList();
            await cache.InvalidateAfterWriteAsync(tags, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The queue path still invalidates; a failure here only delays freshness.
            LogInvalidationFailed(logger, e);
        }

        publisher.Wake();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local invalidation after commit failed; the event pipeline will do it")]
    private static partial void LogInvalidationFailed(ILogger logger, Exception error);
}
