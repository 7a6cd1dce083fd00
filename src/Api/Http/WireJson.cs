using System.Text.Json;
using System.Text.Json.Serialization;

namespace SciaticaService.Api.Http;

/// <summary>
/// The REST wire's JSON dialect: an unknown or repeated member, or a null where the type allows none, is an error,
/// not silently dropped data; enums travel as snake_case names, never numbers. Kept apart from the stored JSON
/// (Infrastructure's SciaticaJson), because the public contract and the stored rows change for different reasons.
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.AllowDuplicateProperties = false; // {"saddle_numbness": true, "saddle_numbness": false} must not quietly drop the "yes"
        options.MaxDepth = 32;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }
}
