using System.Buffers;
using Serilog.Core;
using Serilog.Events;

namespace Sap.Functions.Observability;

/// <summary>
/// Sap's JSON lines on stdout, on the <see cref="LogBuffer"/>'s background thread (its own, never a request's). Lines
/// are gathered in UTF-8 and written when no more wait in the buffer (or 64 KB have gathered): one write for a burst
/// of lines instead of one per line, and a lone line still leaves at once. Only whole lines are written, so nothing
/// else on stdout splits one.
/// </summary>
public sealed class StdoutSink(JsonLogFormatter formatter, LogBuffer buffer, Stream? stdout = null) : ILogEventSink, IDisposable
{
    private const int FlushBytes = 64 * 1024;
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(5);

#pragma warning disable CA2000 // stdout is the process's; it is never closed
    private readonly Stream output = stdout ?? Console.OpenStandardOutput();
#pragma warning restore CA2000
    private readonly ArrayBufferWriter<byte> pending = new(FlushBytes * 2);

    public void Emit(LogEvent logEvent)
    {
        formatter.Format(logEvent, pending);
        if (pending.WrittenCount >= FlushBytes)
        {
            Flush();
        }
        else if (buffer.Waiting == 0)
        {
            Flush();
            // Caught up. Without this pause, under a steady load the writer's thread would go to sleep after nearly
            // every line and each request's log call would wake it: a context switch per line on two shared cores.
            // Paused, it finds the lines of the last few milliseconds waiting and writes them at once; a lone line
            // has left already (flushed above), and the next one only waits for the pause to end.
            Thread.Sleep(IdlePause);
        }
    }

    // stdout stays open for whoever else writes to it (start-up and error lines): only what is gathered is written.
    public void Dispose() => Flush();

    private void Flush()
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
}
