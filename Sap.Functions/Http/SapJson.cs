using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sap.Domain;

namespace Sap.Functions.Http;

/// <summary>
/// How Sap writes JSON: snake_case names (SPEC §1), nulls kept, enums as text, money with two decimals, and
/// Portuguese text as UTF-8 rather than \u escapes (responses are always JSON, never embedded in HTML).
/// </summary>
public static class SapJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// For request bodies: snake_case names, numbers only as JSON numbers ("32.50" as a string is a 400, never
    /// a guess), duplicate properties refused, unknown properties ignored.
    /// </summary>
    public static JsonSerializerOptions Input { get; } = CreateInput();

    private static JsonSerializerOptions CreateInput()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
            MaxDepth = 16,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new MoneyConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Every decimal Sap writes is money or a percentage: two decimals, whatever scale the database returned.</summary>
    private sealed class MoneyConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(Money.Round2(value).ToString("0.00", CultureInfo.InvariantCulture), skipInputValidation: true);
    }
}
