namespace Sap.Domain;

/// <summary>Why a change was refused: the state forbids it (409) or a business rule does (422).</summary>
public enum DomainRuleKind
{
    Conflict,
    RuleBroken,
}

/// <summary>A change the domain refuses; the API turns it into a problem+json 409 or 422.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException()
    {
    }

    public DomainRuleException(string message)
        : base(message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DomainRuleException(DomainRuleKind kind, string message)
        : base(message) => Kind = kind;

    /// <summary>A broken rule located in fields (e.g. "itens[2].produto_id" → "produto 9 não existe").</summary>
    public DomainRuleException(DomainRuleKind kind, string message, IReadOnlyDictionary<string, string[]> errors)
        : base(message)
    {
        Kind = kind;
        Errors = errors;
    }

    public DomainRuleKind Kind { get; } = DomainRuleKind.RuleBroken;

    public IReadOnlyDictionary<string, string[]>? Errors { get; }
}
