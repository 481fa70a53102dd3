namespace Sap.Functions.OpenApi;

/// <summary>The JSON body a function takes.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BodyAttribute(Type type) : Attribute
{
    public Type Type { get; } = type;
}
