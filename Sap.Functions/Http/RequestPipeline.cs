using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Sap.Functions.Hosting;
using Sap.Functions.Security;

namespace Sap.Functions.Http;

/// <summary>
/// What happens around every HTTP function, on either host: the request id, then the caller's token and role.
/// Plain code over <see cref="HttpContext"/>; the worker middleware and the self-host are thin adapters over it.
/// </summary>
public sealed partial class RequestPipeline(TokenValidator tokens, ILogger<RequestPipeline> logger)
{
    private const string CallerKey = "Sap.Caller";

    /// <summary>Runs before the function: a result to answer instead (401, 403), or null to go on.</summary>
    public async Task<IActionResult?> BeginAsync(HttpContext http, FunctionEndpoint function)
    {
        RequestIds.Assign(http);
        if (function.Anonymous)
        {
            return null;
        }

        var caller = await tokens.ValidateAsync(http.Request.Headers.Authorization);
        if (caller is null)
        {
            return Problems.Unauthorized();
        }

        if (!caller.MayCall(function.Roles))
        {
            return Problems.Forbidden();
        }

        http.Items[CallerKey] = caller;
        return null;
    }

    /// <summary>The answer to an exception the function did not handle: a 500 problem with the request id, never the details.</summary>
    public IActionResult Failure(HttpContext http, FunctionEndpoint function, Exception error)
    {
        LogFailure(logger, function.Name, RequestIds.Of(http), error);
        return Problems.Internal();
    }

    public static Caller? CallerOf(HttpContext http) => http.Items.TryGetValue(CallerKey, out var caller) ? caller as Caller : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed (request {RequestId})")]
    private static partial void LogFailure(ILogger logger, string function, string? requestId, Exception error);
}
