namespace Sap.Functions.Caching;

/// <summary>An invalidation could not be done in the shared cache: whoever asked for it must retry.</summary>
public sealed class SharedCacheUnavailableException : Exception
{
    public SharedCacheUnavailableException()
    {
    }

    public SharedCacheUnavailableException(string message)
        : base(message)
    {
    }

    public SharedCacheUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
