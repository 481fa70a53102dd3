using Microsoft.AspNetCore.Http;
using Serilog.Context;

namespace Sap.Functions.Http;

/// <summary>A request's log context, pushed in the flow that runs the function and popped when it is done.</summary>
public sealed class RequestScope : IDisposable
{
    private readonly Stack<IDisposable> context = new();

    public void Push(IDisposable item) => context.Push(item);

    /// <summary>Adds the caller (once the token is checked) to the log context.</summary>
    public void Authenticated(HttpContext http)
    {
        if (RequestPipeline.CallerOf(http) is { } caller)
        {
            context.Push(LogContext.PushProperty("user_id", caller.Subject));
        }
    }

    public void Dispose()
    {
        while (context.TryPop(out var item))
        {
            item.Dispose();
        }
    }
}
