using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Sap.Functions.Observability;

/// <summary>
/// The root sampler: every request and every event is traced, but a call out (SQL, Redis, HTTP) made outside any
/// of them — the outbox sweep's poll, the self-host's queue polling, the read model's catch-up, cache rounds — starts
/// no trace of its own; every few hundred milliseconds those would bury the traces an operator looks for.
/// </summary>
internal sealed class NoBackgroundCallsSampler : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private static readonly SamplingResult Sample = new(SamplingDecision.RecordAndSample);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? Drop : Sample;
}
