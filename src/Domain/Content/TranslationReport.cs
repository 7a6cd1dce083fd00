namespace SciaticaService.Domain.Content;

/// <summary>
/// What stored content still lacks, per language: drafts being translated, and entries stored before translations
/// existed. Each item is <c>kind:slug</c>, <c>stretch:slug:media[i]</c> for alt text, or <c>questionnaire</c> for the latest questionnaire.
/// </summary>
/// <param name="Missing">By language code (<c>en</c>, <c>es</c>, <c>de</c>), the entries lacking it, sorted; empty lists when complete.</param>
public sealed record TranslationReport(IReadOnlyDictionary<string, IReadOnlyList<string>> Missing)
{
    public static TranslationReport Of(ContentCatalog catalog)
    {
        var missing = LanguageNegotiation.All.ToDictionary(l => l, _ => new List<string>());
        void Check(string item, Func<Language, bool> has)
        {
            foreach (var language in LanguageNegotiation.All.Where(l => !has(l)))
            {
                missing[language].Add(item);
            }
        }

        bool Source(Language l) => l == LanguageNegotiation.Source;
        foreach (var c in catalog.Conditions)
        {
            Check($"condition:{c.Slug}", l => Source(l) || c.Translations.ContainsKey(l));
        }

        foreach (var i in catalog.Imbalances)
        {
            Check($"imbalance:{i.Slug}", l => Source(l) || i.Translations.ContainsKey(l));
        }

        foreach (var s in catalog.Stretches)
        {
            Check($"stretch:{s.Slug}", l => Source(l) || s.Translations.ContainsKey(l));
            foreach (var (media, index) in s.Media.Select((m, i) => (m, i)))
            {
                Check($"stretch:{s.Slug}:media[{index}]", media.AltText.ContainsKey);
            }
        }

        foreach (var t in catalog.RoutineTemplates)
        {
            Check($"routine_template:{t.Slug}", l => Source(l) || t.Translations.ContainsKey(l));
        }

        foreach (var lesson in catalog.Lessons)
        {
            Check($"lesson:{lesson.Slug}", lesson.Texts.ContainsKey);
        }

        if (catalog.Questionnaire is { } questionnaire)
        {
            Check("questionnaire", questionnaire.Has);
        }

        return new(missing.ToDictionary(
            p => WireName.Of(p.Key), p => (IReadOnlyList<string>)[.. p.Value.Order(StringComparer.Ordinal)]));
    }
}
