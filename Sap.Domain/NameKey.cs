namespace Sap.Domain;

/// <summary>The form of a name that uniqueness compares: trimmed and lower case.</summary>
public static class NameKey
{
    public static string Of(string nome) => nome.Trim().ToLowerInvariant();
}
