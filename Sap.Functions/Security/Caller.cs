namespace Sap.Functions.Security;

/// <summary>Who is calling: the token's subject and roles.</summary>
public sealed record Caller(string Subject, IReadOnlySet<string> Roles)
{
    /// <summary>What the audit columns that name the caller (usuario, responsavel, criado_por) hold.</summary>
    public const int MaxSubjectLength = 200;

    /// <summary>
    /// A subject Sap can write where it records who did what: someone (not missing or blank: the audit must name who),
    /// at most <see cref="MaxSubjectLength"/> characters and no control characters (PostgreSQL text takes no NUL).
    /// </summary>
    public static bool IsRecordable(string subject) =>
        !string.IsNullOrWhiteSpace(subject) && subject.Length <= MaxSubjectLength && !subject.Any(char.IsControl);

    public bool MayCall(IReadOnlyList<string> required) =>
        Roles.Contains(Security.Roles.Admin) || required.Any(Roles.Contains);
}
