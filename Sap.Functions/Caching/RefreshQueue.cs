using System.Threading.Channels;

namespace Sap.Functions.Caching;

/// <summary>The tags whose cached reads are to be refreshed by the next round of <see cref="CacheRefresher"/>.</summary>
public sealed class RefreshQueue
{
    private readonly Lock gate = new();
    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private RefreshRound next = new();

    /// <summary>
    /// Queues the tags; <paramref name="source"/> (an event type, "commit") is counted once the round is done. The task
    /// completes when the round that carries them has removed them from the shared cache, and fails if it could not.
    /// </summary>
    public Task Add(IEnumerable<string> tags, string source)
    {
        Task removed;
        lock (gate)
        {
            next.Add(tags, source);
            removed = next.Removed;
        }

        signal.Writer.TryWrite(true);
        return removed;
    }

    /// <summary>Completes when tags were added since the last <see cref="Take"/> (or at once, if they were).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) => await signal.Reader.ReadAsync(cancellationToken);

    /// <summary>Takes every pending tag and the sources that asked, as one round (empty when another round took them).</summary>
    public RefreshRound Take()
    {
        lock (gate)
        {
            var taken = next;
            next = new RefreshRound();
            return taken;
        }
    }
}
