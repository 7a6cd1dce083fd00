using SciaticaService.Domain.Content;
using static SciaticaService.Domain.Tests.ContentSamples;

namespace SciaticaService.Domain.Tests;

public class MediaAndTranslationValidationTests
{
    private static IReadOnlyList<string> ProblemsWith(MediaEntry media, string status = "published") =>
        [.. Validate(ValidDocument() with { Stretches = [Stretch("solo") with { Status = status, Media = [media] }], RoutineTemplates = [] })
            .Problems.Select(p => p.Path)];

    [Theory]
    [InlineData("https://cdn.example.org/a.webp")]
    [InlineData("//cdn.example.org/a.webp")]
    [InlineData("/stretches/a.webp")]
    [InlineData("stretches/../../etc/passwd.webp")]
    [InlineData("stretches/./a.webp")]
    [InlineData("stretches//a.webp")]
    [InlineData("stretches/a.webp?x=1")]
    [InlineData("stretches/a.webp#top")]
    [InlineData("Stretches/A.webp")]
    [InlineData("stretches\\a.webp")]
    [InlineData("javascript:alert(1).webp")]
    [InlineData("stretches/no-extension")]
    [InlineData("")]
    public void A_media_url_must_be_a_plain_relative_path(string url) =>
        Assert.Contains("stretches[0].media[0].url", ProblemsWith(Image(url)));

    [Fact]
    public void A_plain_relative_path_is_accepted() =>
        Assert.Empty(ProblemsWith(Image("stretches/knee_to_chest-2/start.v2.webp")));

    [Fact]
    public void Each_kind_has_its_own_fields()
    {
        Assert.Contains("stretches[0].media[0].durationSeconds", ProblemsWith(Image() with { DurationSeconds = 5 }));
        Assert.Contains("stretches[0].media[0].durationSeconds", ProblemsWith(Image() with { Kind = "video" }));
        Assert.Contains("stretches[0].media[0].durationSeconds", ProblemsWith(Image() with { Kind = "animation", DurationSeconds = 100_000 }));
        Assert.Empty(ProblemsWith(Image() with { Kind = "animation", DurationSeconds = 6 }));
        Assert.Contains("stretches[0].media[0].width", ProblemsWith(Image() with { Width = null }));
        Assert.Contains("stretches[0].media[0].height", ProblemsWith(Image() with { Height = 0 }));
        Assert.Contains("stretches[0].media[0].kind", ProblemsWith(Image() with { Kind = "hologram" }));
    }

    [Fact]
    public void Alt_text_is_needed_in_every_language_when_published_and_in_English_always()
    {
        var englishOnly = Image() with { AltText = new Dictionary<string, string?> { ["en"] = "A person stretching." } };
        var noEnglish = Image() with { AltText = new Dictionary<string, string?> { ["es"] = "x", ["de"] = "y" } };

        Assert.Equal(["stretches[0].media[0].altText.es", "stretches[0].media[0].altText.de"], ProblemsWith(englishOnly));
        Assert.Empty(ProblemsWith(englishOnly, status: "draft"));
        Assert.Equal(["stretches[0].media[0].altText.en"], ProblemsWith(noEnglish, status: "draft"));
    }

    [Fact]
    public void A_published_stretch_without_media_is_refused_and_a_draft_may_wait()
    {
        var published = Validate(ValidDocument() with { Stretches = [Stretch("solo") with { Media = [] }], RoutineTemplates = [] });
        var draft = Validate(ValidDocument() with { Stretches = [Stretch("solo") with { Media = [], Status = "draft" }], RoutineTemplates = [] });

        Assert.Equal(["stretches[0].media"], published.Problems.Select(p => p.Path));
        Assert.Empty(draft.Problems);
    }

    [Fact]
    public void A_translation_keeps_every_step_and_the_same_contraindications()
    {
        var stretch = Stretch("solo", indicatedFor: ["disc"], contraindications: [Contra("stenosis")]);
        var translations = StretchTranslations("solo", [Contra("stenosis")]);
        translations["es"] = translations["es"]! with { Instructions = ["Solo un paso."] };
        translations["de"] = translations["de"]! with { Contraindications = [Contra("disc")] };

        var problems = Validate(ValidDocument() with { Stretches = [stretch with { Translations = translations }], RoutineTemplates = [] })
            .Problems.Select(p => p.Path).ToList();

        Assert.Contains("stretches[0].translations.es.instructions", problems);
        Assert.Contains("stretches[0].translations.de.contraindications['stenosis'].reason", problems);
        Assert.Contains("stretches[0].translations.de.contraindications", problems);
    }

    [Fact]
    public void A_localised_stretch_changes_words_only()
    {
        var stretch = Validate(ValidDocument()).Catalog.Stretches.Single(s => s.Slug == "prone-lying");

        var german = stretch.In(Language.De);

        Assert.Equal("Stretch prone-lying (de)", german.Name);
        Assert.Equal(stretch.Contraindications.Select(c => c.Condition), german.Contraindications.Select(c => c.Condition));
        Assert.Equal("…", german.Contraindications[0].Reason);
        Assert.Equal((stretch.Slug, stretch.Bias, stretch.Difficulty), (german.Slug, german.Bias, german.Difficulty));
        Assert.Same(stretch, stretch.In(Language.En));
        Assert.Equal(stretch.Name, stretch.Name); // the shared entity itself is untouched
        Assert.NotEqual(german.Name, stretch.Name);
    }
}
