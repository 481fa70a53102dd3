namespace Sap.Functions.OpenApi;

/// <summary>What a function answers on success: the JSON type and status (200, or 201 for creates).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReturnsAttribute(Type type, int status = 200) : Attribute
{
    public Type Type { get; } = type;

    public int Status { get; } = status;
}
