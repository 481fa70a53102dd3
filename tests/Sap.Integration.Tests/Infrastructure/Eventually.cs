namespace Sap.Integration.Tests.Infrastructure;

/// <summary>Waits for something that happens in the background (an event handled, a cache refreshed), or fails.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string failure, int seconds = 10, int pollMs = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure} within {seconds} s");
            await Task.Delay(pollMs);
        }
    }
}
