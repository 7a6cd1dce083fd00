namespace SciaticaService.Domain.Content;

/// <summary>Reads a lesson entry of a content document into a <see cref="Lesson"/>, reporting every problem.</summary>
internal static class LessonValidator
{
    public const int MaxPosition = 1000;

    public static Lesson? ToLesson(EntryScope scope, LessonEntry entry, HashSet<string> conditionSlugs)
    {
        var slug = scope.Slug("slug", entry.Slug);
        var position = scope.Int("position", entry.Position, 1, MaxPosition, required: true);
        var conditions = scope.References("conditions", entry.Conditions, conditionSlugs, "condition", minItems: 0);
        var triage = TriageOf(scope, entry.Triage);
        var status = scope.Status(entry.Status);
        var english = TextOf(scope, string.Empty, entry.Title, entry.Summary, entry.Body);
        var translations = scope.Translations(entry.Translations, status, (field, t) => TextOf(scope, field + ".", t.Title, t.Summary, t.Body));
        if (scope.HasProblems)
        {
            return null;
        }

        translations![LanguageNegotiation.Source] = english!;
        return new Lesson(slug!, position!.Value, conditions!, triage!, translations, status!.Value);
    }

    private static LessonText? TextOf(EntryScope scope, string prefix, string? title, string? summary, IReadOnlyList<string?>? body)
    {
        var before = scope.HasProblems;
        var t = scope.Text(prefix + "title", title, ContentLimits.NameLength);
        var s = scope.Text(prefix + "summary", summary, ContentLimits.TextLength);
        var b = scope.TextList(prefix + "body", body, minItems: 1, ContentLimits.TextLength);
        return t is null || s is null || b is null || (!before && scope.HasProblems) ? null : new LessonText(t, s, b);
    }

    private static List<Assessments.TriageLevel>? TriageOf(EntryScope scope, IReadOnlyList<string?>? values)
    {
        var result = new List<Assessments.TriageLevel>();
        var ok = true;
        foreach (var (value, i) in (values ?? []).Select((v, i) => (v, i)))
        {
            if (scope.Enum<Assessments.TriageLevel>($"triage[{i}]", value) is not { } level)
            {
                ok = false;
            }
            else if (result.Contains(level))
            {
                scope.Add($"triage[{i}]", $"'{value}' is listed more than once.");
                ok = false;
            }
            else
            {
                result.Add(level);
            }
        }

        return ok ? result : null;
    }
}
