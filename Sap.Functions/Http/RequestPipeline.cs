using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Sap.Domain;
using Sap.Domain.Data;
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

    /// <summary>
    /// The answer to an exception out of a function: the domain's refusals become their 4xx problems, an unreachable
    /// database a 503 with Retry-After, anything else a 500 with the request id and never the details.
    /// </summary>
    public IActionResult Failure(HttpContext http, FunctionEndpoint function, Exception error)
    {
        switch (error)
        {
            case ValidationException v:
                return Problems.Validation(v.Errors);
            case BadRequestBodyException { TooLarge: true }:
                return Problems.TooLarge();
            case BadRequestBodyException b:
                return Problems.BadBody(b.Message, b.Path);
            case NotFoundException n:
                return Problems.NotFound(n.Message);
            case DomainRuleException { Kind: DomainRuleKind.Conflict } c:
                return Problems.Conflict(c.Message);
            case DomainRuleException r:
                return Problems.RuleBroken(r.Message, r.Errors);
            default:
                break;
        }

        if (DbErrors.UniqueViolation(error) is { } index)
        {
            // A race that slipped past a duplicate check (two creates of one name at once): the index said no.
            return Problems.Conflict($"Já existe um registro com este valor ({index}).");
        }

        if (DbErrors.CheckViolation(error) is not null)
        {
            return Problems.RuleBroken("A operação violaria uma regra do banco de dados (valores fora do permitido).", null);
        }

        if (DbErrors.IsUnavailable(error))
        {
            LogUnavailable(logger, function.Name, RequestIds.Of(http), error.GetType().Name);
            return Problems.Unavailable(retryAfterSeconds: 5);
        }

        LogFailure(logger, function.Name, RequestIds.Of(http), error);
        return Problems.Internal();
    }

    public static Caller? CallerOf(HttpContext http) => http.Items.TryGetValue(CallerKey, out var caller) ? caller as Caller : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} could not reach the database (request {RequestId}): {Error}")]
    private static partial void LogUnavailable(ILogger logger, string function, string? requestId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed (request {RequestId})")]
    private static partial void LogFailure(ILogger logger, string function, string? requestId, Exception error);
}
