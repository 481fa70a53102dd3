using System.Net;
using System.Text.Json;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>What an HTTP call returned, and how many SQL commands the app ran for it.</summary>
public sealed record ApiResponse(
    HttpStatusCode Status, string Body, string? MediaType, IReadOnlyDictionary<string, string> Headers, string RequestId, int SqlCommands)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public ApiResponse Ok()
    {
        Assert.True(Status == HttpStatusCode.OK, $"expected 200, got {(int)Status}: {Body}");
        Assert.Equal("application/json", MediaType);
        return this;
    }

    /// <summary>Asserts a 201 and returns the id of what was created.</summary>
    public long Created()
    {
        Assert.True(Status == HttpStatusCode.Created, $"expected 201, got {(int)Status}: {Body}");
        return Json.GetProperty("id").GetInt64();
    }

    public override string ToString() => $"{(int)Status} {Body}";
}
