using System.Collections.Concurrent;
using Sap.Functions.Caching;

namespace Sap.Integration.Tests.Cache;

/// <summary>Counts cache fills per key and, when armed, holds a fill open (computed, not yet cached) until released.</summary>
public sealed class ComputationProbe : IReadComputationHook
{
    private readonly ConcurrentDictionary<string, int> fills = new(StringComparer.Ordinal);
    private volatile Hold? hold;

    public int Fills(string key) => fills.GetValueOrDefault(key);

    /// <summary>Fills of every key so far.</summary>
    public int Total => fills.Values.Sum();

    /// <summary>The next fill of a key containing the text stops after computing; returns (computed, release).</summary>
    public Hold Arm(string keyPart) => hold = new Hold(keyPart);

    public async Task ComputedAsync(string key, CancellationToken cancellationToken)
    {
        fills.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (hold is { } h && key.Contains(h.KeyPart, StringComparison.Ordinal))
        {
            hold = null;
            h.Computed.TrySetResult();
            await h.Release.Task.WaitAsync(cancellationToken);
        }
    }

    public sealed class Hold(string keyPart)
    {
        public string KeyPart { get; } = keyPart;

        public TaskCompletionSource Computed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
