using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Sap.Domain;
using Sap.Domain.Writes;
using Sap.Functions.Observability;

namespace Sap.Functions.Http;

/// <summary>
/// The common path of every write function: read the body, run the change in its transaction as the caller,
/// with the request id and Idempotency-Key, and answer 201 + Location or 200 with the resource.
/// </summary>
public sealed class WriteEndpoints(WriteRunner runner, SapMetrics metrics)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>A write with a JSON body.</summary>
    public async Task<IActionResult> RunAsync<TInput, TResult>(
        HttpRequest request,
        Func<WriteScope, TInput, CancellationToken, Task<TResult>> change,
        Func<TResult, string?> location)
        where TInput : class
        where TResult : notnull
    {
        var body = await RequestBody.ReadAsync(request);
        var input = body.Json<TInput>();
        return await RunAsync(request, body, (scope, ct) => change(scope, input, ct), location);
    }

    /// <summary>An action without a body (cancelar, rejeitar, definitiva, delete).</summary>
    public async Task<IActionResult> RunAsync<TResult>(HttpRequest request, Func<WriteScope, CancellationToken, Task<TResult>> change)
        where TResult : notnull =>
        await RunAsync(request, await RequestBody.ReadAsync(request), change, _ => null);

    private async Task<IActionResult> RunAsync<TResult>(
        HttpRequest request, RequestBody body, Func<WriteScope, CancellationToken, Task<TResult>> change, Func<TResult, string?> location)
        where TResult : notnull
    {
        var function = RequestPipeline.FunctionOf(request.HttpContext);
        var module = function?.Method.DeclaringType?.Namespace?.Split('.')[^1].ToLowerInvariant() ?? "unknown";
        var operation = function?.Name ?? "unknown";
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await RunCoreAsync(request, body, change, location);
            metrics.BusinessOperations.WithLabels(module, operation, "success").Inc();
            return result;
        }
        catch (Exception e)
        {
            var status = e is ValidationException or BadRequestBodyException or DomainRuleException { Kind: DomainRuleKind.RuleBroken }
                ? "validation_error"
                : "error";
            metrics.BusinessOperations.WithLabels(module, operation, status).Inc();
            throw;
        }
        finally
        {
            metrics.BusinessDuration.WithLabels(module, operation).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>Also used by the functions that read a body themselves first.</summary>
    private async Task<IActionResult> RunCoreAsync<TResult>(
        HttpRequest request, RequestBody body, Func<WriteScope, CancellationToken, Task<TResult>> change, Func<TResult, string?> location)
        where TResult : notnull
    {
        var http = request.HttpContext;
        var key = request.Headers[IdempotencyHeader].ToString();
        if (key.Length > 0 && !RequestIds.IsToken(key, 200))
        {
            throw new BadRequestBodyException("Idempotency-Key deve ter até 200 caracteres: letras, dígitos, '.', '_' ou '-'.", tooLarge: false);
        }

        var write = new WriteRequest(
            RequestPipeline.CallerOf(http)?.Subject ?? "anonymous",
            RequestIds.Of(http),
            key.Length == 0 ? null : key,
            key.Length == 0 ? null : body.Hash(request));
        var result = await runner.RunAsync(write, scope => change(scope, http.RequestAborted), value =>
        {
            var where = location(value);
            return new StoredResponse(where is null ? StatusCodes.Status200OK : StatusCodes.Status201Created,
                JsonSerializer.Serialize(value, SapJson.Options), where);
        }, http.RequestAborted);
        return new StoredResponseResult(result.Response, result.Replayed);
    }
}
