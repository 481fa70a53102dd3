using System.Text;

namespace Sap.Integration.Tests.Faults;

/// <summary>
/// One generated request: what it tries (<see cref="Kind"/>), who it claims to be (<see cref="Caller"/>) and exactly
/// what goes on the wire. <see cref="Raw"/>, when set, is sent as it is over a socket instead (what HttpClient refuses
/// to send: CR/LF in header values, broken framing, bytes that are not a request line); with <see cref="EndsEarly"/>, the
/// client then shuts its side of the connection, as a client does that has nothing more to send.
/// </summary>
public sealed record HostileRequest(
    int Index,
    string Kind,
    string Method,
    string Target,
    byte[]? Body,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Caller,
    string? Authorization,
    bool Chunked = false,
    byte[]? Raw = null,
    bool EndsEarly = false)
{
    /// <summary>Anything but GET and HEAD may write; its answer decides whether the data may change.</summary>
    public bool MayWrite => Method is not ("GET" or "HEAD");

    /// <summary>The request as a reader needs it to send it again: long values shortened, with their length.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"#{Index} [{Kind}] caller={Caller}");
        if (Raw is not null)
        {
            return text.Append(CultureInfo.InvariantCulture, $" raw: {Shorten(Encoding.Latin1.GetString(Raw), 600)}").ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"\n  {Method} {Shorten(Target, 300)}");
        foreach (var (name, value) in Headers)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {name}: {Shorten(value, 200)}");
        }

        if (ContentType is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  Content-Type: {Shorten(ContentType, 200)}");
        }

        if (Body is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  body ({Body.Length} bytes{(Chunked ? ", chunked" : "")}): {Shorten(Encoding.UTF8.GetString(Body), 400)}");
        }

        return text.ToString();
    }

    /// <summary>Long text cut in the middle; control characters made visible.</summary>
    public static string Shorten(string text, int max)
    {
        var visible = new StringBuilder(Math.Min(text.Length, max + 40));
        var shown = text.Length <= max ? text : text[..(max / 2)] + "…" + text[^(max / 2)..];
        foreach (var c in shown)
        {
            visible.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return text.Length <= max ? visible.ToString() : $"{visible} ({text.Length} chars)";
    }
}
