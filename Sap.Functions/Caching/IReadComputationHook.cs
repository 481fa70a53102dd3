namespace Sap.Functions.Caching;

/// <summary>
/// Runs when a cached read has computed its response and before the cache takes it. The default does nothing;
/// tests use it to count computations and to hold a fill open while an invalidation lands.
/// </summary>
public interface IReadComputationHook
{
    Task ComputedAsync(string key, CancellationToken cancellationToken);
}
