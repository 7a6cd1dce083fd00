using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace SciaticaService.Api.Http;

/// <summary>
/// A JSON 200 with a strong ETag derived from the exact bytes sent, or a bodiless 304 when the client's
/// <c>If-None-Match</c> already names it. Hashing the body means the tag changes exactly when the content does.
/// </summary>
/// <param name="value">The body.</param>
/// <param name="shared">Whether shared caches may keep it: true for public content, false for anything per caller.</param>
/// <param name="language">
/// The language the body is written in, when it was chosen from <c>Accept-Language</c>: sent as <c>Content-Language</c>
/// with <c>Vary: Accept-Language</c>, so a cache keeps one copy (and one ETag) per language.
/// </param>
public sealed class ETaggedJson<T>(T value, bool shared = true, Domain.Content.Language? language = null) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<T>
{
    public T Value { get; } = value;

    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (language is { } written)
        {
            httpContext.Response.Headers.ContentLanguage = Domain.Content.WireName.Of(written);
            httpContext.Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, Microsoft.Net.Http.Headers.HeaderNames.AcceptLanguage);
        }

        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return new ETaggedBody(JsonSerializer.SerializeToUtf8Bytes(Value, options), "application/json; charset=utf-8", shared).ExecuteAsync(httpContext);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Required by IEndpointMetadataProvider.")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
}
