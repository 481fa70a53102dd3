using System.Text;
using Microsoft.AspNetCore.Mvc;
using Sap.Domain.Writes;

namespace Sap.Functions.Http;

/// <summary>Sends a write's response (fresh or replayed for an Idempotency-Key) as it was first given.</summary>
public sealed class StoredResponseResult(StoredResponse response, bool replayed) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext.Response;
        http.StatusCode = response.StatusCode;
        if (response.Location is not null)
        {
            http.Headers.Location = response.Location;
        }

        if (replayed)
        {
            http.Headers["Idempotent-Replayed"] = "true";
        }

        if (response.Body is not null)
        {
            http.ContentType = "application/json; charset=utf-8";
            await http.Body.WriteAsync(Encoding.UTF8.GetBytes(response.Body), context.HttpContext.RequestAborted);
        }
    }
}
