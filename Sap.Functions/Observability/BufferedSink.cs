using Serilog.Core;
using Serilog.Events;

namespace Sap.Functions.Observability;

/// <summary>Serilog's way into the <see cref="LogBuffer"/>: an event is queued, and written on the buffer's thread.</summary>
public sealed class BufferedSink : ILogEventSink, IDisposable
{
    private readonly LogBuffer buffer;

    public BufferedSink(LogBuffer buffer, ILogLineSink writer)
    {
        this.buffer = buffer;
        buffer.Start(writer);
    }

    public void Emit(LogEvent logEvent) => buffer.Add(logEvent);

    // The logger is disposed at shutdown: what is queued is written first.
    public void Dispose() => buffer.Dispose();
}

/// <summary>Any Serilog sink as the buffer's writer: a request line reaches it as the event it stands for.</summary>
public sealed class EventSinkLines(ILogEventSink sink) : ILogLineSink
{
    public void Write(LogEvent logEvent) => sink.Emit(logEvent);

    public void Write(in RequestLine request) => sink.Emit(request.ToLogEvent());

    public void Flush()
    {
    }
}
