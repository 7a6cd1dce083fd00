namespace SciaticaService.Domain.Content;

/// <summary>Reads a condition entry of a content document, reporting every problem.</summary>
internal static class ConditionValidator
{
    public static Condition? ToCondition(EntryScope scope, ConditionEntry entry)
    {
        var slug = scope.Slug("slug", entry.Slug);
        var name = scope.Text("name", entry.Name, ContentLimits.NameLength);
        var summary = scope.Text("summary", entry.Summary, ContentLimits.TextLength);
        var nerve = scope.Text("nerveCompression", entry.NerveCompression, ContentLimits.TextLength);
        var signs = scope.TextList("signs", entry.Signs, minItems: 1);
        var affects = scope.Text("typicallyAffects", entry.TypicallyAffects, ContentLimits.TextLength);
        var status = scope.Status(entry.Status);
        var translations = scope.Translations(entry.Translations, status, (field, t) => TextOf(scope, field + ".", t, signs));
        return scope.HasProblems ? null : new Condition(slug!, name!, summary!, nerve!, signs!, affects!, status!.Value, translations);
    }

    private static ConditionText? TextOf(EntryScope scope, string prefix, ConditionTranslationEntry t, List<string>? englishSigns)
    {
        var before = scope.ProblemCount;
        var name = scope.Text(prefix + "name", t.Name, ContentLimits.NameLength);
        var summary = scope.Text(prefix + "summary", t.Summary, ContentLimits.TextLength);
        var nerve = scope.Text(prefix + "nerveCompression", t.NerveCompression, ContentLimits.TextLength);
        var signs = scope.ParallelTextList(prefix + "signs", t.Signs, englishSigns);
        var affects = scope.Text(prefix + "typicallyAffects", t.TypicallyAffects, ContentLimits.TextLength);
        return scope.ProblemCount > before ? null : new ConditionText(name!, summary!, nerve!, signs!, affects!);
    }
}
