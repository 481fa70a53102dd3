using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Sap.Functions.Hosting;

/// <summary>
/// Calls a function method as the worker would: a new instance per call from DI, the HttpRequest for the trigger
/// parameter and route values for parameters of the same name.
/// </summary>
internal static class FunctionInvoker
{
    public static async Task<IActionResult> InvokeAsync(HttpContext http, FunctionEndpoint function)
    {
        var instance = ActivatorUtilities.CreateInstance(http.RequestServices, function.Method.DeclaringType!);
        var arguments = function.Method.GetParameters().Select(p => Bind(http, p)).ToArray();
        object? returned;
        try
        {
            returned = function.Method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        return returned switch
        {
            Task<IActionResult> task => await task,
            IActionResult result => result,
            _ => throw new InvalidOperationException($"{function.EntryPoint} must return IActionResult or Task<IActionResult>."),
        };
    }

    /// <summary>Checks at start-up that every parameter can be bound, so a bad signature fails early, not per request.</summary>
    public static void CheckBindable(FunctionEndpoint function)
    {
        foreach (var parameter in function.Method.GetParameters())
        {
            if (parameter.ParameterType != typeof(HttpRequest) && parameter.ParameterType != typeof(string)
                && parameter.ParameterType != typeof(CancellationToken))
            {
                throw new InvalidOperationException(
                    $"{function.EntryPoint}: parameter '{parameter.Name}' of type {parameter.ParameterType.Name} cannot be bound by the self-host.");
            }
        }
    }

    private static object? Bind(HttpContext http, ParameterInfo parameter) =>
        parameter.ParameterType == typeof(HttpRequest) ? http.Request
        : parameter.ParameterType == typeof(CancellationToken) ? http.RequestAborted
        : http.Request.RouteValues.TryGetValue(parameter.Name!, out var value) ? value?.ToString()
        : null;
}
