using System.Collections.Concurrent;
using Serilog.Events;

namespace Sap.Functions.Observability;

/// <summary>
/// The bounded buffer between the code that logs and stdout: a log call only queues its line and returns, one
/// background thread of the buffer's own formats and writes it. When the buffer is full a line is dropped rather than
/// making a request wait; <see cref="Dropped"/> counts them (the <c>log_events_dropped_total</c> metric). It holds
/// Serilog events and, without making one, the "request completed" lines (<see cref="RequestLine"/>), a request's
/// commonest cost after its own work: a struct copied into the queue, nothing allocated on the request's thread.
/// </summary>
public sealed class LogBuffer : IDisposable
{
    /// <summary>Lines held at most: about a second of lines at the fastest rate this app serves on two cores.</summary>
    public const int DefaultCapacity = 20_000;

    // Caught up, the writer waits this long before it looks again: under a steady load it then finds the lines of the
    // last few milliseconds and writes them at once, and no request has to wake it (a context switch per line on two
    // shared cores). Only when it finds nothing after the pause does it sleep until a line comes; a lone line waits
    // no longer than this.
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(5);

    // A lock-free queue and a count of what it holds (the bound): a request's log call is an increment and an enqueue,
    // and a wake-up only when the writer sleeps.
    private readonly ConcurrentQueue<LogLine> lines = new();
    private readonly SemaphoreSlim wake = new(0);
    private Thread? writer;
    private int queued;
    private int sleeping;
    private long dropped;
    private volatile bool stopping;

    public LogBuffer(int capacity = DefaultCapacity) => Capacity = capacity;

    public int Capacity { get; }

    /// <summary>Lines dropped because the buffer was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Lines queued and not yet taken by the writer.</summary>
    public int Waiting => Volatile.Read(ref queued);

    /// <summary>Starts the writer thread, which hands every line to <paramref name="sink"/> (once).</summary>
    public void Start(ILogLineSink sink)
    {
        var thread = new Thread(() => Run(sink)) { IsBackground = true, Name = "Sap log writer" };
        if (Interlocked.CompareExchange(ref writer, thread, null) is null)
        {
            thread.Start();
        }
    }

    public void Add(LogEvent logEvent) => Add(new LogLine(logEvent, default));

    public void Add(in RequestLine request) => Add(new LogLine(null, request));

    /// <summary>Stops taking lines, and waits (a few seconds at most) until those queued are written.</summary>
    public void Dispose()
    {
        stopping = true;
        wake.Release();
        if (Volatile.Read(ref writer) is { } thread && thread != Thread.CurrentThread)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    private void Add(LogLine line)
    {
        if (stopping)
        {
            return;
        }

        if (Interlocked.Increment(ref queued) > Capacity)
        {
            Interlocked.Decrement(ref queued);
            Interlocked.Increment(ref dropped);
            return;
        }

        // The enqueue is a full fence (an interlocked exchange on the queue's tail), so the writer, which marks itself
        // sleeping before it looks at the queue a last time, either sees this line or is woken here.
        lines.Enqueue(line);
        if (Volatile.Read(ref sleeping) == 1 && Interlocked.Exchange(ref sleeping, 0) == 1)
        {
            wake.Release();
        }
    }

    private void Run(ILogLineSink sink)
    {
        while (true)
        {
            while (lines.TryDequeue(out var line))
            {
                Interlocked.Decrement(ref queued);
                if (line.Event is { } logEvent)
                {
                    sink.Write(logEvent);
                }
                else
                {
                    sink.Write(line.Request);
                }
            }

            sink.Flush();
            if (stopping && lines.IsEmpty)
            {
                return;
            }

            Thread.Sleep(IdlePause);
            if (lines.IsEmpty)
            {
                Interlocked.Exchange(ref sleeping, 1);
                if (lines.IsEmpty && !stopping)
                {
                    // A stray release (a line that came as this thread looked again) only makes one more empty pass.
                    wake.Wait();
                }

                Interlocked.Exchange(ref sleeping, 0);
            }
        }
    }

    private readonly record struct LogLine(LogEvent? Event, RequestLine Request);
}

/// <summary>Where the buffer's writer thread puts lines: written as they come, <see cref="Flush"/>ed when caught up.</summary>
public interface ILogLineSink
{
    void Write(LogEvent logEvent);

    void Write(in RequestLine request);

    void Flush();
}
