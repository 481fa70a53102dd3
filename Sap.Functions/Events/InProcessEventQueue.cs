using System.Threading.Channels;

namespace Sap.Functions.Events;

/// <summary>The embedded default's queue: events stay in this process and are consumed by its queue listener.</summary>
public sealed class InProcessEventQueue : IEventQueue
{
    private readonly Channel<string> channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<string> Reader => channel.Reader;

    public Task SendAsync(string message, CancellationToken cancellationToken) => channel.Writer.WriteAsync(message, cancellationToken).AsTask();
}
