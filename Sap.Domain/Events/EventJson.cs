using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sap.Domain.Events;

/// <summary>The JSON of events: CloudEvents attribute names (lower case), snake_case data, no nulls in data.</summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(CloudEvent cloudEvent) => JsonSerializer.Serialize(cloudEvent, Options);

    /// <summary>The event in a message, or null when it is not a CloudEvent Sap can read.</summary>
    public static CloudEvent? TryParse(string text)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<CloudEvent>(text, Options);
            return parsed is { Specversion: CloudEvent.Version10, Type.Length: > 0, Id.Length: > 0 } && parsed.Data is not null ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
