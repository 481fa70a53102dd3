using Serilog.Sinks.Async;

namespace Sap.Functions.Observability;

/// <summary>
/// The bounded buffer between the code that logs and stdout (Serilog.Sinks.Async): a log call only queues its event
/// and returns, a background thread formats and writes it. When the buffer is full an event is dropped rather than
/// making a request wait; <see cref="Dropped"/> counts them (the <c>log_events_dropped_total</c> metric).
/// </summary>
public sealed class LogBuffer : IAsyncLogEventSinkMonitor
{
    /// <summary>Events held at most: about a second of lines at the fastest rate this app serves on two cores.</summary>
    public const int DefaultCapacity = 20_000;

    private IAsyncLogEventSinkInspector? inspector;
    private long droppedBeforeStop;

    public LogBuffer(int capacity = DefaultCapacity) => Capacity = capacity;

    public int Capacity { get; }

    /// <summary>Events dropped because the buffer was full, since start.</summary>
    public long Dropped => Volatile.Read(ref inspector) is { } current ? current.DroppedMessagesCount : Interlocked.Read(ref droppedBeforeStop);

    /// <summary>Events queued and not yet taken by the writer (0 once the sink has stopped).</summary>
    public int Waiting => Volatile.Read(ref inspector) is { } current ? current.Count : 0;

    public void StartMonitoring(IAsyncLogEventSinkInspector inspector) => Volatile.Write(ref this.inspector, inspector);

    // The count outlives the sink (disposed at shutdown): the metric never goes back to zero.
    public void StopMonitoring(IAsyncLogEventSinkInspector inspector)
    {
        Interlocked.Exchange(ref droppedBeforeStop, inspector.DroppedMessagesCount);
        Volatile.Write(ref this.inspector, null);
    }
}
