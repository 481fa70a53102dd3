using Sap.Domain.Events;

namespace Sap.Domain.Writes;

/// <summary>
/// Told after a write commits, with the events it raised (already in the outbox): the app publishes them right
/// away rather than at the next sweep, and refreshes its own cache. It must not throw: the write has committed.
/// </summary>
public interface ICommitListener
{
    Task CommittedAsync(IReadOnlyList<CloudEvent> events, CancellationToken cancellationToken);
}
