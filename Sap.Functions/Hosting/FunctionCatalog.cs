using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
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
    private readonly IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)> routes;

    private FunctionCatalog(IReadOnlyList<FunctionEndpoint> http, IReadOnlyList<QueueFunction> queues, IReadOnlyList<BindingSetting> settings)
    {
        Http = http;
        Queues = queues;
        Settings = settings;
        byEntryPoint = http.ToDictionary(f => f.EntryPoint, StringComparer.Ordinal);
        routes = [.. http.Where(f => !f.CatchAll).Select(f => (new TemplateMatcher(TemplateParser.Parse(f.Route), []), f.HttpMethods))];
    }

    public IReadOnlyList<FunctionEndpoint> Http { get; }

    public IReadOnlyList<QueueFunction> Queues { get; }

    /// <summary>The settings the bindings name (binding expressions and connections), which the Functions host resolves from its own.</summary>
    public IReadOnlyList<BindingSetting> Settings { get; }

    public FunctionEndpoint? ByEntryPoint(string entryPoint) => byEntryPoint.GetValueOrDefault(entryPoint);

    /// <summary>The methods the functions whose route matches <paramref name="path"/> (below the route prefix) take; none for an unknown path.</summary>
    public IReadOnlyList<string> MethodsServing(string? path)
    {
        var target = new Microsoft.AspNetCore.Http.PathString("/" + (path ?? "").TrimStart('/'));
        return [.. routes.Where(r => r.Matcher.TryMatch(target, [])).SelectMany(r => r.Methods).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

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
        var settings = new List<BindingSetting>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
            settings.AddRange(bindings.SelectMany(b => BindingSetting.Of(function.GetProperty("name").GetString()!, b)));
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
                method.GetCustomAttribute<ScrapeTokenAttribute>() is not null, method.GetCustomAttribute<RateLimiting.RateLimitExemptAttribute>() is not null));
        }

        CheckCatchAllIsLast(http);
        return new FunctionCatalog(http, queues, settings);
    }

    /// <summary>The Functions host tries routes by function name (ordinal, ignoring case): a catch-all before another function would hide it.</summary>
    private static void CheckCatchAllIsLast(List<FunctionEndpoint> http)
    {
        var last = http.Select(f => f.Name).Order(StringComparer.OrdinalIgnoreCase).LastOrDefault();
        foreach (var catchAll in http.Where(f => f.CatchAll && f.Name != last))
        {
            throw new InvalidOperationException(
                $"HTTP function {catchAll.Name} catches every route, so its name must sort after every other HTTP function's; {last} sorts after it.");
        }
    }

    private static MethodInfo Resolve(string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        var type = typeof(FunctionCatalog).Assembly.GetType(entryPoint[..dot], throwOnError: true)!;
        return type.GetMethod(entryPoint[(dot + 1)..], BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{entryPoint} is not a public instance method.");
    }
}
