using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Sap.Functions.Caching;

/// <summary>A cached read's answer: the stored bytes with ETag and X-Cache, or 304 when If-None-Match names the ETag.</summary>
public sealed class CachedJsonResult(CachedResponse response, bool hit) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        http.Response.Headers[HeaderNames.ETag] = response.ETag;
        http.Response.Headers["X-Cache"] = hit ? "HIT" : "MISS";
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-cache";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == response.ETag || t.Trim() == "*")))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = response.Body.Length;
        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }
}
