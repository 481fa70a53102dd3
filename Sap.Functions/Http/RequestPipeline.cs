using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Sap.Functions.Observability;
using Serilog.Context;
using Sap.Domain;
using Sap.Domain.Data;
using Sap.Functions.Hosting;
using Sap.Functions.RateLimiting;
using Sap.Functions.Security;

namespace Sap.Functions.Http;

/// <summary>
/// What happens around every HTTP function, on either host: the request id, then the caller's token and role.
/// Plain code over <see cref="HttpContext"/>; the worker middleware and the self-host are thin adapters over it.
/// </summary>
public sealed partial class RequestPipeline(
    TokenValidator tokens, CallerRateLimiter limiter, SapMetrics metrics, MetricsOptions metricsOptions, RequestLog requestLog,
    ILogger<RequestPipeline> logger)
{
    private const string CallerKey = "Sap.Caller";
    private const string FunctionKey = "Sap.Function";

    private readonly byte[]? scrapeToken = metricsOptions.ScrapeToken is { Length: > 0 } token ? Encoding.UTF8.GetBytes(token.Trim()) : null;

    /// <summary>
    /// Starts a request: assigns its id, starts its metrics and its "request completed" line (written when the
    /// response completes, whatever its status), and pushes its log context. Synchronous on purpose: the log
    /// context must live in the caller's flow, around the function. Dispose the scope after the function.
    /// </summary>
    public RequestScope Begin(HttpContext http, FunctionEndpoint function)
    {
        var requestId = RequestIds.Assign(http);
        CommonHeaders(http);
        http.Items[FunctionKey] = function;
        Track(http, function.Name);
        var scope = new RequestScope();
        scope.Push(LogContext.PushProperty("request_id", requestId));
        scope.Push(LogContext.PushProperty("function", function.Name));
        scope.Push(LogContext.PushProperty("method", http.Request.Method));
        scope.Push(LogContext.PushProperty("path", http.Request.Path.Value));
        return scope;
    }

    /// <summary>
    /// Checks the token, the caller's rate limit and the role: the answer to send instead of running the function (401,
    /// 429, 403), or null. The limit is the token's subject's, or the client address's when there is no valid token
    /// (anonymous routes, refused tokens); the probes and the scrape token's metrics are exempt.
    /// </summary>
    public async Task<IActionResult?> AuthorizeAsync(HttpContext http, FunctionEndpoint function)
    {
        if (function.AllowsScrapeToken && IsScrapeToken(http.Request.Headers.Authorization.ToString()))
        {
            return null;
        }

        var caller = function.Anonymous ? null : await tokens.ValidateAsync(http.Request.Headers.Authorization);
        if (!function.RateLimitExempt
            && await limiter.AcquireAsync(caller is null ? "ip:" + ClientAddress(http) : "sub:" + caller.Subject, http.RequestAborted) is { Allowed: false } refused)
        {
            return Problems.TooManyRequests(refused.RetryAfterSeconds);
        }

        if (function.Anonymous)
        {
            return null;
        }

        if (caller is null)
        {
            return Problems.Unauthorized();
        }

        http.Items[CallerKey] = caller;
        return caller.MayCall(function.Roles) ? null : Problems.Forbidden();
    }

    /// <summary>A request no function serves (404, 405): still an id, a log line and a metric, under endpoint "none".</summary>
    public void TrackUnrouted(HttpContext http)
    {
        RequestIds.Assign(http);
        CommonHeaders(http);
        Track(http, "none");
    }

    public static Caller? CallerOf(HttpContext http) => http.Items.TryGetValue(CallerKey, out var caller) ? caller as Caller : null;

    public static FunctionEndpoint? FunctionOf(HttpContext http) => http.Items.TryGetValue(FunctionKey, out var f) ? f as FunctionEndpoint : null;

    /// <summary>
    /// Who is calling, by address: the last X-Forwarded-For entry when a proxy in front added one (the Functions host's
    /// front end does; an earlier entry is whatever the client claimed), else the connection's peer.
    /// </summary>
    private static string ClientAddress(HttpContext http) =>
        http.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } hops
            ? hops[^1]
            : http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Headers of every answer, set before anything is written: browsers must not guess a response's type.</summary>
    private static void CommonHeaders(HttpContext http) => http.Response.Headers.XContentTypeOptions = "nosniff";

    private void Track(HttpContext http, string endpoint)
    {
        var method = http.Request.Method;
        var started = Stopwatch.GetTimestamp();
        var inProgress = metrics.HttpInProgress.WithLabels(method, endpoint);
        inProgress.Inc();
        http.Response.OnCompleted(() =>
        {
            inProgress.Dec();
            var elapsed = Stopwatch.GetElapsedTime(started);
            var status = http.Response.StatusCode;
            metrics.HttpRequests.WithLabels(method, endpoint, status.ToString(CultureInfo.InvariantCulture)).Inc();
            metrics.HttpDuration.WithLabels(method, endpoint).Observe(elapsed.TotalSeconds);
            if (requestLog.Enabled)
            {
                requestLog.Completed(RequestIds.Of(http), CallerOf(http)?.Subject, endpoint, method, http.Request.Path.Value, status, elapsed);
            }

            return Task.CompletedTask;
        });
    }

    private bool IsScrapeToken(string authorization)
    {
        const string Scheme = "Bearer ";
        return scrapeToken is not null
            && authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()), scrapeToken);
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
            LogUnavailable(logger, function.Name, RequestIds.Of(http), error);
            return Problems.Unavailable(retryAfterSeconds: 5);
        }

        LogFailure(logger, function.Name, RequestIds.Of(http), error);
        return Problems.Internal();
    }


    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} could not reach the database (request {RequestId})")]
    private static partial void LogUnavailable(ILogger logger, string function, string? requestId, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed (request {RequestId})")]
    private static partial void LogFailure(ILogger logger, string function, string? requestId, Exception error);
}
