using Microsoft.AspNetCore.Mvc;

namespace Sap.Functions.Http;

/// <summary>A request under way: the answer to send instead of running the function (if any), and its log context.</summary>
public sealed class RequestScope(IActionResult? early, Stack<IDisposable> context) : IDisposable
{
    public IActionResult? Early { get; } = early;

    public void Dispose()
    {
        while (context.TryPop(out var item))
        {
            item.Dispose();
        }
    }
}
