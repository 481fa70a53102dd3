namespace Sap.Domain;

/// <summary>
/// A statement ran longer than its timeout on a server that had answered: the work is too big for the time given,
/// which is not the same thing as a server that cannot be reached.
/// </summary>
public sealed class StatementTimeoutException : Exception
{
    public StatementTimeoutException()
    {
    }

    public StatementTimeoutException(string message)
        : base(message)
    {
    }

    public StatementTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StatementTimeoutException(string work, TimeSpan timeout, Exception innerException)
        : base($"{work} did not finish within the statement timeout of {timeout.TotalSeconds:0} s", innerException)
    {
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }
}
