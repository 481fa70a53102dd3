namespace Sap.Functions.Http;

/// <summary>The body is missing, too large or not the JSON expected: 400 (or 413 when too large).</summary>
public sealed class BadRequestBodyException : Exception
{
    public BadRequestBodyException()
    {
    }

    public BadRequestBodyException(string message)
        : base(message)
    {
    }

    public BadRequestBodyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BadRequestBodyException(string message, bool tooLarge, string? path = null)
        : base(message)
    {
        TooLarge = tooLarge;
        Path = path;
    }

    public bool TooLarge { get; }

    /// <summary>Where in the JSON the problem is (e.g. "$.itens[2].quantidade").</summary>
    public string? Path { get; }
}
