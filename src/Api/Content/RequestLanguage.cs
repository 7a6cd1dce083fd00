using Grpc.Core;
using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

/// <summary>The language a caller reads in, from <c>Accept-Language</c> on REST and the same metadata key on gRPC.</summary>
public static class RequestLanguage
{
    /// <summary>The gRPC metadata key, named as the HTTP header it mirrors.</summary>
    public const string MetadataKey = "accept-language";

    /// <summary>The gRPC response metadata key that names the language a response is written in.</summary>
    public const string ResponseMetadataKey = "x-content-language";

    public static Language Of(HttpContext context) => LanguageNegotiation.Negotiate(context.Request.Headers.AcceptLanguage.ToString());

    public static Language Of(ServerCallContext context) => LanguageNegotiation.Negotiate(context.RequestHeaders.GetValue(MetadataKey));
}
