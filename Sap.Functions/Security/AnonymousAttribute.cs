namespace Sap.Functions.Security;

/// <summary>An HTTP function anyone may call (probes).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AnonymousAttribute : Attribute;
