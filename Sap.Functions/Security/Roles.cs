namespace Sap.Functions.Security;

/// <summary>The roles a token's <c>roles</c> claim may hold (SPEC §6). ADMIN may do everything.</summary>
public static class Roles
{
    public const string Admin = "ADMIN";
    public const string Financeiro = "FINANCEIRO";
    public const string Vendedor = "VENDEDOR";
    public const string Logistica = "LOGISTICA";

    public static IReadOnlyList<string> All { get; } = [Admin, Financeiro, Vendedor, Logistica];
}
