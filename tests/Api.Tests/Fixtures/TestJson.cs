using System.Text.Json;
using System.Text.Json.Serialization;

namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>How a client reads the service's JSON: camelCase, enums as snake_case names.</summary>
public static class TestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
