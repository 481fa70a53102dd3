using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Sap.Functions.Http;

/// <summary>A JSON body written with <see cref="SapJson"/>; executes the same on the Functions host and the self-host.</summary>
public sealed class JsonResponse(object body, int statusCode = StatusCodes.Status200OK) : IActionResult
{
    public object Body { get; } = body;

    public int StatusCode { get; } = statusCode;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), SapJson.Options, context.HttpContext.RequestAborted);
    }
}
