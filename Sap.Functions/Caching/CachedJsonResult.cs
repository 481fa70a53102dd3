using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Sap.Functions.Caching;

/// <summary>
/// A cached read's answer: the stored bytes (gzip-compressed when stored so and the client accepts gzip) with
/// ETag and X-Cache, or 304 when If-None-Match names the ETag of either representation.
/// </summary>
public sealed class CachedJsonResult(CachedResponse response, bool hit) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var gzip = response.Gzip is not null && AcceptsGzip(http.Request.Headers.AcceptEncoding);
        var etag = gzip ? response.GzipETag : response.ETag;
        http.Response.Headers[HeaderNames.ETag] = etag;
        http.Response.Headers["X-Cache"] = hit ? "HIT" : "MISS";
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-cache";
        if (response.Gzip is not null)
        {
            http.Response.Headers[HeaderNames.Vary] = HeaderNames.AcceptEncoding;
        }

        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() is var tag && (tag == etag || tag == "*"))))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var body = gzip ? response.Gzip! : response.Body;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        if (gzip)
        {
            http.Response.Headers[HeaderNames.ContentEncoding] = "gzip";
        }

        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>True when the Accept-Encoding header lists gzip (or *) without q=0.</summary>
    internal static bool AcceptsGzip(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        foreach (var value in acceptEncoding)
        {
            foreach (var part in (value ?? "").Split(','))
            {
                var pieces = part.Split(';');
                var coding = pieces[0].Trim();
                if (!coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) && coding != "*")
                {
                    continue;
                }

                var refused = pieces.Skip(1).Any(p => p.Trim().Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000");
                return !refused;
            }
        }

        return false;
    }
}
