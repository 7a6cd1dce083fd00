using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using static SciaticaService.Domain.Tests.AssessmentSamples;

namespace SciaticaService.Domain.Tests;

/// <summary>The questionnaire in Spanish and German: complete when imported as the latest, keyed by codes, shown per language.</summary>
public class QuestionnaireTranslationTests
{
    private static readonly HashSet<string> Conditions = ["piriformis-syndrome", "herniated-disc", "spinal-stenosis", "isthmic-spondylolisthesis"];
    private static readonly HashSet<string> Imbalances =
        ["anterior-pelvic-tilt", "tight-piriformis-weak-abductors", "tight-hamstrings-posterior-tilt", "weak-deep-core", "asymmetric-hip-strength"];

    private static IReadOnlyList<ContentProblem> Validate(QuestionnaireDefinition definition) =>
        QuestionnaireValidator.Validate(definition, Conditions, Imbalances, everyLanguage: true);

    [Fact]
    public void The_shipped_questionnaire_has_every_text_in_every_language()
    {
        Assert.Empty(Validate(Shipped.Definition));
        foreach (var language in LanguageNegotiation.All)
        {
            var shown = Shipped.Definition.In(language);
            Assert.Equal(language, Shipped.Definition.ShownIn(language));
            foreach (var item in shown.Items)
            {
                Assert.False(string.IsNullOrWhiteSpace(item.Text), $"{language} {item.Code}");
                Assert.All(item.Options ?? [], o => Assert.False(string.IsNullOrWhiteSpace(o.Label)));
            }
        }
    }

    [Fact]
    public void Every_text_differs_from_the_English_and_every_code_weight_and_type_stays()
    {
        var english = Shipped.Definition;
        foreach (var language in new[] { Language.Es, Language.De })
        {
            var shown = english.In(language);
            Assert.NotEqual(english.Title, shown.Title);
            Assert.Equal(english.Sections.Select(s => s.Code), shown.Sections.Select(s => s.Code));
            Assert.Equal(english.CausePriors, shown.CausePriors);
            foreach (var (en, other) in english.Items.Zip(shown.Items))
            {
                Assert.Equal((en.Code, en.Type, en.Required, en.Min, en.Max), (other.Code, other.Type, other.Required, other.Min, other.Max));
                Assert.NotEqual(en.Text, other.Text);
                Assert.Equal(en.Help is null, other.Help is null);
                Assert.Equal((en.Options ?? []).Select(o => (o.Code, o.Evidence)), (other.Options ?? []).Select(o => (o.Code, o.Evidence)));
            }
        }

        Assert.Equal("Ja", english.In(Language.De).Items.First(i => i.Code == "saddle_numbness").Options![0].Label);
        Assert.Equal("¿Está embarazada?", english.In(Language.Es).Items.First(i => i.Code == "pregnant").Text);
    }

    [Fact]
    public void A_questionnaire_imported_as_the_latest_needs_every_language_and_every_key()
    {
        var translations = Shipped.Definition.Translations!;
        var es = translations["es"]!;
        var items = es.Items!.ToDictionary();
        items.Remove("saddle_numbness");
        items["pregnant"] = items["pregnant"]! with { Help = null };
        items["onset"] = items["onset"]! with { Options = new Dictionary<string, string?> { ["sudden"] = "De repente", ["slowly"] = "Despacio" } };
        items["no_such_item"] = new QuestionnaireItemText("?");
        var sections = es.Sections!.ToDictionary();
        sections.Remove("scores");
        var broken = Shipped.Definition with
        {
            Translations = new Dictionary<string, QuestionnaireText?>
            {
                ["es"] = es with { Items = items, Sections = sections, Title = " " },
                ["fr"] = es,
            },
        };

        var problems = Validate(broken).Select(p => p.Field).ToList();

        Assert.Contains("translations.de", problems);
        Assert.Contains("translations.fr", problems);
        Assert.Contains("translations.es.title", problems);
        Assert.Contains("translations.es.sections.scores", problems);
        Assert.Contains("translations.es.items.saddle_numbness", problems);
        Assert.Contains("translations.es.items.pregnant.help", problems);
        Assert.Contains("translations.es.items.onset.options.gradual", problems);
        Assert.Contains("translations.es.items.onset.options.slowly", problems);
        Assert.Contains("translations.es.items.no_such_item", problems);
    }

    [Fact]
    public void An_earlier_version_without_translations_stays_valid_and_is_shown_in_English()
    {
        Assert.Empty(QuestionnaireValidator.Validate(Version1.Definition, Conditions, Imbalances, reportAs: "questionnaire history[0]"));
        Assert.Contains(Validate(Version1.Definition), p => p.Field == "translations.es");
        Assert.Equal(Language.En, Version1.Definition.ShownIn(Language.De));
        Assert.Same(Version1.Definition, Version1.Definition.In(Language.De));
    }

    [Fact]
    public void The_translation_report_lists_a_questionnaire_that_lacks_a_language()
    {
        var stored = Shipped.Definition with { Translations = new Dictionary<string, QuestionnaireText?> { ["es"] = Shipped.Definition.Translations!["es"] } };

        var report = TranslationReport.Of(ContentCatalog.Empty with { Questionnaire = stored });

        Assert.Equal(["questionnaire"], report.Missing["de"]);
        Assert.Empty(report.Missing["es"]);
        Assert.Empty(report.Missing["en"]);
    }
}
