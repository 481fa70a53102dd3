namespace Sap.Functions.Caching;

/// <summary>
/// Runs before tags are removed from the shared cache. The default does nothing; tests use it to hold an invalidation
/// back (and to fail one) and watch what the queue does with its message meanwhile.
/// </summary>
public interface IInvalidationHook
{
    Task RemovingAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken);
}
