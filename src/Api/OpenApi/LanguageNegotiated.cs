namespace SciaticaService.Api.OpenApi;

/// <summary>
/// Endpoint metadata: the endpoint writes what a person reads in the language <c>Accept-Language</c> asks for, and says
/// which in <c>Content-Language</c> with <c>Vary: Accept-Language</c>. <see cref="LanguageHeadersFilter"/> documents it.
/// </summary>
public sealed class LanguageNegotiated
{
    public static LanguageNegotiated Instance { get; } = new();

    private LanguageNegotiated()
    {
    }
}
