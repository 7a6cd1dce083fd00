using Grpc.Core;
using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

/// <summary>The language a caller reads in, from <c>Accept-Language</c> on REST and the same metadata key on gRPC.</summary>
public static class RequestLanguage
{
    /// <summary>The gRPC metadata key, named as the HTTP header it mirrors.</summary>
    public const string MetadataKey = "accept-language";

    /// <summary>
    /// The gRPC response metadata key that names the language a response is written in: a key of its own, because HTTP
    /// clients file <c>content-language</c> among content headers, where gRPC clients do not look.
    /// </summary>
    public const string ResponseMetadataKey = "x-content-language";

    public static Language Of(HttpContext context) => LanguageNegotiation.Negotiate(context.Request.Headers.AcceptLanguage.ToString());

    public static Language Of(ServerCallContext context) => LanguageNegotiation.Negotiate(context.RequestHeaders.GetValue(MetadataKey));

    /// <summary>The caller's language, announced as <c>Content-Language</c> with <c>Vary: Accept-Language</c>, for a response written in it.</summary>
    public static Language Announce(HttpContext context)
    {
        var language = Of(context);
        context.Response.Headers.ContentLanguage = WireName.Of(language);
        context.Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, Microsoft.Net.Http.Headers.HeaderNames.AcceptLanguage);
        return language;
    }

    /// <summary>The caller's language, announced in the <see cref="ResponseMetadataKey"/> response metadata, as REST's <c>Content-Language</c>.</summary>
    public static async Task<Language> AnnounceAsync(ServerCallContext context)
    {
        var language = Of(context);
        await context.WriteResponseHeadersAsync(new Metadata { { ResponseMetadataKey, WireName.Of(language) } });
        return language;
    }

    /// <summary>
    /// The language a stored result is shown in: the one the request names (REST <c>?lang=</c>, else
    /// <c>Accept-Language</c>), or, when it names none, <paramref name="madeIn"/>, the language it was made in.
    /// </summary>
    public static Language ForStored(HttpContext context, Language madeIn)
    {
        if (context.Request.Query["lang"] is { Count: > 0 } lang)
        {
            return LanguageNegotiation.TryParse(lang.ToString(), out var asked)
                ? asked
                : throw new Domain.Errors.ValidationException(
                    "lang", $"Use one of {string.Join(", ", LanguageNegotiation.All.Select(WireName.Of))}, or leave it out for the language the assessment was made in.");
        }

        return context.Request.Headers.AcceptLanguage.Count > 0 ? Of(context) : madeIn;
    }

    /// <summary>As the REST overload: the <c>accept-language</c> metadata when sent, else the language it was made in.</summary>
    public static Language ForStored(ServerCallContext context, Language madeIn) =>
        context.RequestHeaders.GetValue(MetadataKey) is { } asked ? LanguageNegotiation.Negotiate(asked) : madeIn;
}
