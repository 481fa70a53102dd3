namespace Sap.Functions.OpenApi;

/// <summary>A query parameter a function reads, for its OpenAPI description: kind "date", "integer" or "string", and the allowed values if any.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class QueryParameterAttribute(string name, string kind, string description, params string[] values) : Attribute
{
    public string Name { get; } = name;

    public string Kind { get; } = kind;

    public string Description { get; } = description;

    public IReadOnlyList<string> Values { get; } = values;

    public int Minimum { get; init; } = int.MinValue;

    public int Maximum { get; init; } = int.MaxValue;
}
