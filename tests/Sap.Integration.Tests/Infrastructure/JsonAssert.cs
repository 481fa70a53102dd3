using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>Deep equality of JSON documents: numbers by value (100 = 100.00), instants by value, the rest exactly.</summary>
public static class JsonAssert
{
    public static void Equal(JsonNode? expected, JsonNode? actual) => Compare(expected, actual, "$");

    public static void Equal(JsonNode? expected, string actualJson) => Compare(expected, JsonNode.Parse(actualJson), "$");

    /// <summary>As above, the failure naming what was compared (a query, a window).</summary>
    public static void Equal(JsonNode? expected, string actualJson, string what) => Compare(expected, JsonNode.Parse(actualJson), $"{what}: $");

    private static void Compare(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {Text(expected)}, got {Text(actual)}");
            return;
        }

        switch (expected)
        {
            case JsonObject e:
                var a = Assert.IsType<JsonObject>(actual, exactMatch: false);
                Assert.True(e.Select(p => p.Key).Order().SequenceEqual(a.Select(p => p.Key).Order()),
                    $"{path}: expected keys [{string.Join(", ", e.Select(p => p.Key))}], got [{string.Join(", ", a.Select(p => p.Key))}]");
                foreach (var (key, value) in e)
                {
                    Compare(value, a[key], $"{path}.{key}");
                }

                break;
            case JsonArray e:
                var array = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(e.Count == array.Count, $"{path}: expected {e.Count} items, got {array.Count}: {Text(actual)}");
                for (var i = 0; i < e.Count; i++)
                {
                    Compare(e[i], array[i], $"{path}[{i}]");
                }

                break;
            default:
                var ev = expected.AsValue();
                var av = actual.AsValue();
                if (ev.GetValueKind() == JsonValueKind.Number)
                {
                    Assert.True(av.GetValueKind() == JsonValueKind.Number, $"{path}: expected number {ev}, got {Text(actual)}");
                    Assert.True(ev.GetValue<decimal>() == av.GetValue<decimal>(), $"{path}: expected {ev}, got {av}");
                }
                else if (ev.GetValueKind() == JsonValueKind.String && ev.TryGetValue<DateTime>(out var ed) && ev.GetValue<string>().Contains('T', StringComparison.Ordinal))
                {
                    Assert.True(av.TryGetValue<DateTime>(out var ad) && ed.ToUniversalTime() == ad.ToUniversalTime(),
                        $"{path}: expected instant {ev}, got {Text(actual)}");
                    Assert.EndsWith("Z", av.GetValue<string>(), StringComparison.Ordinal);
                }
                else
                {
                    Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {Text(expected)}, got {Text(actual)}");
                }

                break;
        }
    }

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";
}
