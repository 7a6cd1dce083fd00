using SciaticaService.Domain.Content;

namespace SciaticaService.Domain.Tests;

public class LanguageNegotiationTests
{
    [Theory]
    [InlineData(null, Language.En)]
    [InlineData("", Language.En)]
    [InlineData("es", Language.Es)]
    [InlineData("de", Language.De)]
    [InlineData("es-MX", Language.Es)]
    [InlineData("DE-at", Language.De)]
    [InlineData("fr", Language.En)]
    [InlineData("fr-CA, fr;q=0.9", Language.En)]
    [InlineData("fr, de;q=0.5", Language.De)]
    [InlineData("es;q=0.2, de;q=0.9", Language.De)]
    [InlineData("de;q=0.9, es;q=0.9", Language.De)]
    [InlineData("es;q=0, de;q=0.1", Language.De)]
    [InlineData("es;q=0", Language.En)]
    [InlineData("es;q=nonsense, de;q=0.3", Language.De)]
    [InlineData("*", Language.En)]
    [InlineData("fr, *;q=0.5, es;q=0.4", Language.En)]
    [InlineData("en-GB;q=0.4, es-419;q=0.8", Language.Es)]
    [InlineData("e, s, d", Language.En)]
    [InlineData("eng", Language.En)]
    public void Picks_the_preferred_language_we_have(string? header, Language expected) =>
        Assert.Equal(expected, LanguageNegotiation.Negotiate(header));

    [Fact]
    public void A_huge_header_is_answered_in_English_without_reading_it_all()
    {
        var header = string.Join(", ", Enumerable.Repeat("fr", 10_000)) + ", de";

        Assert.Equal(Language.En, LanguageNegotiation.Negotiate(header));
    }
}
