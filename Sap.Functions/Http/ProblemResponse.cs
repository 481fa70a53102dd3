using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Sap.Functions.Http;

/// <summary>An RFC 9457 problem: <c>application/problem+json</c> with type, title, status, detail, request_id and errors.</summary>
public sealed class ProblemResponse(int status, string type, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null) : IActionResult
{
    public int Status { get; } = status;

    public string Type { get; } = type;

    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>Extra response headers (WWW-Authenticate, Retry-After).</summary>
    public Dictionary<string, string> Headers { get; } = [];

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = Status;
        http.Response.ContentType = "application/problem+json; charset=utf-8";
        foreach (var (name, value) in Headers)
        {
            http.Response.Headers[name] = value;
        }

        var body = new ProblemBody(Type, title, Status, detail, RequestIds.Of(http), Errors);
        await JsonSerializer.SerializeAsync(http.Response.Body, body, SapJson.Options, http.RequestAborted);
    }

    private sealed record ProblemBody(
        string Type,
        string Title,
        int Status,
        string Detail,
        string? RequestId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors);
}
