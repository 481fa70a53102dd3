namespace Sap.Integration.Tests.Faults;

/// <summary>What came back: the status, the headers (response and content), the body; or, when nothing came, why.</summary>
public sealed record HostileResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? Error = null)
{
    public static HostileResponse NoAnswer(string error) => new(0, new Dictionary<string, string>(), [], error);

    public string? MediaType => Headers.TryGetValue("Content-Type", out var type) ? type.Split(';')[0].Trim() : null;

    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public override string ToString() => Error is not null
        ? $"no answer: {Error}"
        : $"{Status} {MediaType} {HostileRequest.Shorten(Text, 400)}";
}
