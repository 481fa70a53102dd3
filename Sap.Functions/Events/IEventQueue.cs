namespace Sap.Functions.Events;

/// <summary>Where published events go: the Storage queue, or a queue in this process for the embedded default.</summary>
public interface IEventQueue
{
    Task SendAsync(string message, CancellationToken cancellationToken);
}
