namespace Sap.Functions.Security;

/// <summary>The roles that may call an HTTP function (ADMIN always may). Every HTTP function declares this or <see cref="AnonymousAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequireRolesAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
