using System.Threading.Channels;
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
    // last few milliseconds and writes them at once, instead of being woken for nearly every line (a context switch
    // per line on two shared cores). A lone line waits no longer than this.
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(5);

    private readonly Channel<LogLine> lines;
    private Thread? writer;
    private long dropped;

    public LogBuffer(int capacity = DefaultCapacity)
    {
        Capacity = capacity;
        lines = Channel.CreateBounded<LogLine>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Interlocked.Increment(ref dropped));
    }

    public int Capacity { get; }

    /// <summary>Lines dropped because the buffer was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Lines queued and not yet taken by the writer.</summary>
    public int Waiting => lines.Reader.Count;

    /// <summary>Starts the writer thread, which hands every line to <paramref name="sink"/> (once).</summary>
    public void Start(ILogLineSink sink)
    {
        var thread = new Thread(() => Run(sink)) { IsBackground = true, Name = "Sap log writer" };
        if (Interlocked.CompareExchange(ref writer, thread, null) is null)
        {
            thread.Start();
        }
    }

    public void Add(LogEvent logEvent) => lines.Writer.TryWrite(new LogLine(logEvent, default));

    public void Add(in RequestLine request) => lines.Writer.TryWrite(new LogLine(null, request));

    /// <summary>Stops taking lines, and waits (a few seconds at most) until those queued are written.</summary>
    public void Dispose()
    {
        lines.Writer.TryComplete();
        if (Volatile.Read(ref writer) is { } thread && thread != Thread.CurrentThread)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    private void Run(ILogLineSink sink)
    {
        var reader = lines.Reader;
        do
        {
            while (reader.TryRead(out var line))
            {
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
            Thread.Sleep(IdlePause);
        }
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult());

        sink.Flush();
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
