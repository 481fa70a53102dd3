using System.Threading.Channels;

namespace Sap.Functions.Caching;

/// <summary>The tags whose cached reads are to be refreshed by the next round of <see cref="CacheRefresher"/>.</summary>
public sealed class RefreshQueue
{
    private readonly Lock gate = new();
    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private HashSet<string> pending = new(StringComparer.Ordinal);
    private List<string> sources = [];

    /// <summary>Queues the tags; <paramref name="source"/> (an event type, "commit") is counted once the round is done.</summary>
    public void Add(IEnumerable<string> tags, string source)
    {
        lock (gate)
        {
            pending.UnionWith(tags);
            sources.Add(source);
        }

        signal.Writer.TryWrite(true);
    }

    /// <summary>Completes when tags were added since the last <see cref="Take"/> (or at once, if they were).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) => await signal.Reader.ReadAsync(cancellationToken);

    /// <summary>Takes every pending tag and the sources that asked (none when another round took them).</summary>
    public (IReadOnlyCollection<string> Tags, IReadOnlyList<string> Sources) Take()
    {
        lock (gate)
        {
            var taken = (pending, sources);
            pending = new HashSet<string>(StringComparer.Ordinal);
            sources = [];
            return taken;
        }
    }
}
