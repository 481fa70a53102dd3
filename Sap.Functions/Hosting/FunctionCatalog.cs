using System.Reflection;
using System.Text.Json;
using Sap.Functions.Security;

namespace Sap.Functions.Hosting;

/// <summary>
/// The functions of this app, read from the functions.metadata file the Worker SDK writes at build time — the
/// file the Functions host reads — so both hosts route the same functions with the same methods.
/// </summary>
public sealed class FunctionCatalog
{
    public const string MetadataFile = "functions.metadata";

    private readonly Dictionary<string, FunctionEndpoint> byEntryPoint;

    private FunctionCatalog(IReadOnlyList<FunctionEndpoint> http, IReadOnlyList<QueueFunction> queues)
    {
        Http = http;
        Queues = queues;
        byEntryPoint = http.ToDictionary(f => f.EntryPoint, StringComparer.Ordinal);
    }

    public IReadOnlyList<FunctionEndpoint> Http { get; }

    public IReadOnlyList<QueueFunction> Queues { get; }

    public FunctionEndpoint? ByEntryPoint(string entryPoint) => byEntryPoint.GetValueOrDefault(entryPoint);

    /// <exception cref="InvalidOperationException">The file is missing, or a function does not declare who may call it.</exception>
    public static FunctionCatalog Load(string directory)
    {
        var path = Path.Combine(directory, MetadataFile);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: build Sap.Functions with the Functions Worker SDK.");
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var http = new List<FunctionEndpoint>();
        var queues = new List<QueueFunction>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
            var queue = bindings.FirstOrDefault(b => b.GetProperty("type").GetString() == "queueTrigger");
            if (queue.ValueKind != JsonValueKind.Undefined)
            {
                queues.Add(new QueueFunction(
                    function.GetProperty("name").GetString()!,
                    Resolve(function.GetProperty("entryPoint").GetString()!),
                    queue.GetProperty("queueName").GetString()!,
                    queue.TryGetProperty("connection", out var c) ? c.GetString() ?? "AzureWebJobsStorage" : "AzureWebJobsStorage"));
                continue;
            }

            var trigger = bindings.FirstOrDefault(b => b.GetProperty("type").GetString() == "httpTrigger");
            if (trigger.ValueKind == JsonValueKind.Undefined)
            {
                continue;
            }

            var name = function.GetProperty("name").GetString()!;
            var entryPoint = function.GetProperty("entryPoint").GetString()!;
            var method = Resolve(entryPoint);
            var methods = trigger.TryGetProperty("methods", out var m)
                ? m.EnumerateArray().Select(x => x.GetString()!.ToUpperInvariant()).ToList()
                : ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];
            var route = trigger.TryGetProperty("route", out var r) && r.GetString() is { Length: > 0 } text ? text : name;
            var anonymous = method.GetCustomAttribute<AnonymousAttribute>() is not null;
            var roles = method.GetCustomAttribute<RequireRolesAttribute>()?.Roles;
            if (!anonymous && roles is null)
            {
                throw new InvalidOperationException($"HTTP function {name} declares neither [RequireRoles] nor [Anonymous].");
            }

            http.Add(new FunctionEndpoint(name, entryPoint, method, methods, route, anonymous, roles ?? [],
                method.GetCustomAttribute<ScrapeTokenAttribute>() is not null));
        }

        return new FunctionCatalog(http, queues);
    }

    private static MethodInfo Resolve(string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        var type = typeof(FunctionCatalog).Assembly.GetType(entryPoint[..dot], throwOnError: true)!;
        return type.GetMethod(entryPoint[(dot + 1)..], BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{entryPoint} is not a public instance method.");
    }
}
