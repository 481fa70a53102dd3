using System.Buffers;
using Serilog.Events;

namespace Sap.Functions.Observability;

/// <summary>
/// Sap's JSON lines on stdout, on the <see cref="LogBuffer"/>'s writer thread (its own, never a request's). Lines are
/// gathered in UTF-8 and written when the writer has caught up (or 64 KB have gathered): one write for a burst of
/// lines instead of one per line. Only whole lines are written, so nothing else on stdout splits one.
/// </summary>
public sealed class StdoutSink(JsonLogFormatter formatter, Stream? stdout = null) : ILogLineSink
{
    private const int FlushBytes = 64 * 1024;

#pragma warning disable CA2000 // stdout is the process's; it is never closed
    private readonly Stream output = stdout ?? Console.OpenStandardOutput();
#pragma warning restore CA2000
    private readonly ArrayBufferWriter<byte> pending = new(FlushBytes * 2);

    public void Write(LogEvent logEvent)
    {
        formatter.Format(logEvent, pending);
        FlushIfFull();
    }

    public void Write(in RequestLine request)
    {
        formatter.Format(request, pending);
        FlushIfFull();
    }

    // stdout stays open for whoever else writes to it (start-up and error lines): only what is gathered is written.
    public void Flush()
    {
        if (pending.WrittenCount == 0)
        {
            return;
        }

        try
        {
            output.Write(pending.WrittenSpan);
            output.Flush();
        }
        catch (IOException)
        {
            // Whoever read stdout is gone (a closed pipe): there is no one to tell.
        }

        pending.ResetWrittenCount();
    }

    private void FlushIfFull()
    {
        if (pending.WrittenCount >= FlushBytes)
        {
            Flush();
        }
    }
}
