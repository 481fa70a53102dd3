using System.Text.Json;

namespace Sap.Functions.Hosting;

/// <summary>The host.json settings the self-host honours, read from the file the Functions host reads.</summary>
internal sealed record HostJson(string RoutePrefix)
{
    public static HostJson Load(string directory)
    {
        var path = Path.Combine(directory, "host.json");
        if (!File.Exists(path))
        {
            return new HostJson("api");
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var prefix = document.RootElement.TryGetProperty("extensions", out var ext)
            && ext.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var p)
            ? p.GetString() ?? "api"
            : "api";
        return new HostJson(prefix.Trim('/'));
    }
}
