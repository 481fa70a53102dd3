namespace Sap.Functions.Caching;

/// <summary>The tags one refresh round invalidates, who asked for them, and the promise of their removal.</summary>
public sealed class RefreshRound
{
    private readonly TaskCompletionSource removed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<string> tags = new(StringComparer.Ordinal);
    private readonly List<string> sources = [];

    public IReadOnlyCollection<string> Tags => tags;

    public IReadOnlyList<string> Sources => sources;

    /// <summary>Completes once the tags are removed from the shared cache (every instance's copies with them); fails if they could not be.</summary>
    public Task Removed => removed.Task;

    public void Removal() => removed.TrySetResult();

    public void Failed(Exception error) => removed.TrySetException(error);

    public void Abandoned() => removed.TrySetCanceled();

    internal void Add(IEnumerable<string> more, string source)
    {
        tags.UnionWith(more);
        sources.Add(source);
    }
}
