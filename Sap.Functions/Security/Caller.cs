namespace Sap.Functions.Security;

/// <summary>Who is calling: the token's subject and roles.</summary>
public sealed record Caller(string Subject, IReadOnlySet<string> Roles)
{
    public bool MayCall(IReadOnlyList<string> required) =>
        Roles.Contains(Security.Roles.Admin) || required.Any(Roles.Contains);
}
