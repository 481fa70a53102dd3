namespace Sap.Functions.Events;

/// <summary>A queue message that is not a CloudEvent Sap can read: retried, then moved to the poison queue.</summary>
public sealed class MalformedEventException : Exception
{
    public MalformedEventException()
    {
    }

    public MalformedEventException(string message)
        : base(message)
    {
    }

    public MalformedEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
