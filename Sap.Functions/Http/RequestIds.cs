using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Sap.Functions.Http;

/// <summary>SPEC §7: the incoming X-Request-ID when it matches ^[A-Za-z0-9._-]{1,64}$, otherwise a new one.</summary>
public static class RequestIds
{
    public const string Header = "X-Request-ID";

    private const string ItemKey = "Sap.RequestId";

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    public static bool IsValid(string? value) => IsToken(value, 64);

    /// <summary>1 to <paramref name="maxLength"/> characters of A–Z, a–z, 0–9, '.', '_' and '-'.</summary>
    public static bool IsToken(string? value, int maxLength) =>
        value is not null && value.Length >= 1 && value.Length <= maxLength && !value.AsSpan().ContainsAnyExcept(Allowed);

    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>Picks the request's id (once: later calls return the same), remembers it and sets the response header.</summary>
    public static string Assign(HttpContext http)
    {
        if (Of(http) is { } assigned)
        {
            return assigned;
        }

        var incoming = http.Request.Headers[Header];
        var id = incoming.Count == 1 && IsValid(incoming[0]) ? incoming[0]! : New();
        http.Items[ItemKey] = id;
        http.Response.Headers[Header] = id;
        return id;
    }

    public static string? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var id) ? id as string : null;
}
