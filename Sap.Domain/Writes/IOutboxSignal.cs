namespace Sap.Domain.Writes;

/// <summary>Told after every commit that wrote outbox rows, so they are published right away rather than at the next sweep.</summary>
public interface IOutboxSignal
{
    void Notify();
}
