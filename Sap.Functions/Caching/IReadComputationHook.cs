namespace Sap.Functions.Caching;

/// <summary>Runs before a cached read is computed. The default does nothing; tests use it to widen race windows.</summary>
public interface IReadComputationHook
{
    Task BeforeComputeAsync(string key, CancellationToken cancellationToken);
}
