using System.Text.Json;
using System.Text.Json.Serialization;

namespace SciaticaService.Api.Http;

/// <summary>
/// The REST wire's JSON dialect: an unknown or repeated member, or a null where the type allows none, is an error,
/// not silently dropped data; enums travel as snake_case names, never numbers; numbers are JSON numbers, never
/// strings; a moment names its offset. Kept apart from the stored JSON (Infrastructure's SciaticaJson), because the
/// public contract and the stored rows change for different reasons.
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.AllowDuplicateProperties = false; // {"saddle_numbness": true, "saddle_numbness": false} must not quietly drop the "yes"
        // The web defaults read "15" as 15: the contract says integer, and a client sending text has a bug to hear about.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.MaxDepth = 32;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new OffsetRequiredConverter());
        return options;
    }

    /// <summary>
    /// A <c>date-time</c> as RFC 3339 has it, with <c>Z</c> or an offset. Without one the reader would take the server's
    /// own zone, so the moment stored would depend on where the service runs.
    /// </summary>
    private sealed class OffsetRequiredConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value) || !NamesOffset(reader.GetString()!))
            {
                throw new JsonException("A date and time with Z or an offset is required.");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        // After the time of day (past the 'T'), a 'Z' or a sign starts the offset; a date alone has neither.
        private static bool NamesOffset(string text)
        {
            var time = text.IndexOfAny(['T', 't']);
            return time > 0 && text.AsSpan(time).IndexOfAny("Zz+-") > 0;
        }
    }
}
