namespace SciaticaService.Domain.Content;

/// <summary>Reads an imbalance entry of a content document, reporting every problem.</summary>
internal static class ImbalanceValidator
{
    public static Imbalance? ToImbalance(EntryScope scope, ImbalanceEntry entry, HashSet<string> conditionSlugs)
    {
        var slug = scope.Slug("slug", entry.Slug);
        var name = scope.Text("name", entry.Name, ContentLimits.NameLength);
        var summary = scope.Text("summary", entry.Summary, ContentLimits.TextLength);
        var tight = scope.SlugList("tightMuscles", entry.TightMuscles, minItems: 0);
        var weak = scope.SlugList("weakMuscles", entry.WeakMuscles, minItems: 0);
        if (tight is { Count: 0 } && weak is { Count: 0 })
        {
            scope.Add("tightMuscles", "An imbalance names at least one tight or weak muscle.");
        }

        var effect = scope.Text("posturalEffect", entry.PosturalEffect, ContentLimits.TextLength);
        SelfCheck? selfCheck = null;
        if (entry.SelfCheck is null)
        {
            scope.Add("selfCheck", "A self-check is required.");
        }
        else
        {
            var checkName = scope.Text("selfCheck.name", entry.SelfCheck.Name, ContentLimits.NameLength);
            var steps = scope.TextList("selfCheck.steps", entry.SelfCheck.Steps, minItems: 1);
            var positive = scope.Text("selfCheck.positiveSign", entry.SelfCheck.PositiveSign, ContentLimits.TextLength);
            selfCheck = scope.HasProblems ? null : new SelfCheck(checkName!, steps!, positive!);
        }

        var feeds = scope.References("feedsConditions", entry.FeedsConditions, conditionSlugs, "condition", minItems: 1);
        var status = scope.Status(entry.Status);
        var translations = scope.Translations(entry.Translations, status, (field, t) => TextOf(scope, field + ".", t, selfCheck?.Steps));
        return scope.HasProblems ? null : new Imbalance(slug!, name!, summary!, tight!, weak!, effect!, selfCheck!, feeds!, status!.Value, translations);
    }

    private static ImbalanceText? TextOf(EntryScope scope, string prefix, ImbalanceTranslationEntry t, IReadOnlyList<string>? englishSteps)
    {
        var before = scope.ProblemCount;
        var name = scope.Text(prefix + "name", t.Name, ContentLimits.NameLength);
        var summary = scope.Text(prefix + "summary", t.Summary, ContentLimits.TextLength);
        var effect = scope.Text(prefix + "posturalEffect", t.PosturalEffect, ContentLimits.TextLength);
        if (t.SelfCheck is null)
        {
            scope.Add(prefix + "selfCheck", "A self-check is required.");
            return null;
        }

        var checkName = scope.Text(prefix + "selfCheck.name", t.SelfCheck.Name, ContentLimits.NameLength);
        var steps = scope.ParallelTextList(prefix + "selfCheck.steps", t.SelfCheck.Steps, englishSteps);
        var positive = scope.Text(prefix + "selfCheck.positiveSign", t.SelfCheck.PositiveSign, ContentLimits.TextLength);
        return scope.ProblemCount > before ? null : new ImbalanceText(name!, summary!, effect!, new SelfCheck(checkName!, steps!, positive!));
    }
}
