namespace Sap.Domain;

/// <summary>Input that breaks a field rule: answered 400 with every field's messages.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException()
        : this(new Dictionary<string, string[]>())
    {
    }

    public ValidationException(string message)
        : base(message) => Errors = new Dictionary<string, string[]>();

    public ValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = new Dictionary<string, string[]>();

    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("Dados inválidos: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))) => Errors = errors;

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
