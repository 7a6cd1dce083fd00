using System.Text.Json;
using System.Text.Json.Serialization;

namespace SciaticaService.Infrastructure.Serialization;

/// <summary>
/// The one JSON dialect for everything the service reads from files and keeps in jsonb columns: camelCase names,
/// snake_case enum values, no unknown members, nulls that the types do not allow refused. Nulls are written out, so
/// what is written always reads back (a record's constructor parameters are required on reading).
/// </summary>
public static class SciaticaJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the dialect to <paramref name="options"/>, e.g. ASP.NET Core's own.</summary>
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
