namespace SciaticaService.Domain.Content;

/// <summary>
/// Turns an untrusted <see cref="ContentDocument"/> into domain objects, checking every field, every reference and
/// the safety invariants against the content already stored. The document's entries replace stored entries with the
/// same slug, so the checks run on the catalogue as it would be afterwards: an upsert cannot make stored content unsafe.
/// </summary>
public static class ContentValidator
{
    public const string ConditionsSection = "conditions";
    public const string ImbalancesSection = "imbalances";
    public const string StretchesSection = "stretches";
    public const string RoutineTemplatesSection = "routineTemplates";
    public const string LessonsSection = "lessons";

    /// <param name="document">The entries to create or replace.</param>
    /// <param name="stored">The content stored now; null when there is none.</param>
    /// <param name="removals">Stored entries to delete in the same change.</param>
    /// <param name="questionnaireHistory">Earlier questionnaire versions to store first, when nothing is stored yet (a first seed).</param>
    public static ContentValidationResult Validate(
        ContentDocument document, ContentCatalog? stored = null, ContentRemovals? removals = null,
        IReadOnlyList<Assessments.QuestionnaireDefinition>? questionnaireHistory = null)
    {
        stored ??= ContentCatalog.Empty;
        removals ??= ContentRemovals.None;
        var problems = new List<ContentProblem>();

        var conditionEntries = document.Conditions ?? [];
        var imbalanceEntries = document.Imbalances ?? [];
        var stretchEntries = document.Stretches ?? [];
        var templateEntries = document.RoutineTemplates ?? [];
        var lessonEntries = document.Lessons ?? [];

        CheckDuplicateSlugs(problems, ConditionsSection, conditionEntries.Select(e => e?.Slug));
        CheckDuplicateSlugs(problems, ImbalancesSection, imbalanceEntries.Select(e => e?.Slug));
        CheckDuplicateSlugs(problems, StretchesSection, stretchEntries.Select(e => e?.Slug));
        CheckDuplicateSlugs(problems, RoutineTemplatesSection, templateEntries.Select(e => e?.Slug));
        CheckDuplicateSlugs(problems, LessonsSection, lessonEntries.Select(e => e?.Slug));

        var conditionSlugs = stored.Conditions.Select(c => c.Slug).Where(slug => !removals.Conditions.Contains(slug))
            .Concat(conditionEntries.Select(e => e?.Slug).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        var stretchSlugs = stored.Stretches.Select(s => s.Slug).Where(slug => !removals.Stretches.Contains(slug))
            .Concat(stretchEntries.Select(e => e?.Slug).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);

        var conditions = Each(problems, ConditionsSection, conditionEntries, ConditionValidator.ToCondition);
        var imbalances = Each(problems, ImbalancesSection, imbalanceEntries, (scope, entry) => ImbalanceValidator.ToImbalance(scope, entry, conditionSlugs));
        var stretches = Each(problems, StretchesSection, stretchEntries, (scope, entry) => StretchValidator.ToStretch(scope, entry, conditionSlugs, stretchSlugs));

        // The stretches as they will be once this document is applied: the document's win over stored ones.
        var mergedStretches = Merge(stored.Stretches, stretches, removals.Stretches, s => s.Slug);

        StretchValidator.CheckVariants(problems, stretchEntries, mergedStretches);

        var templates = Each(problems, RoutineTemplatesSection, templateEntries,
            (scope, entry) => RoutineTemplateValidator.ToTemplate(scope, entry, conditionSlugs, stretchSlugs, mergedStretches));

        var lessons = Each(problems, LessonsSection, lessonEntries, (scope, entry) => LessonValidator.ToLesson(scope, entry, conditionSlugs));

        var incoming = new ContentCatalog(conditions, imbalances, stretches, templates, lessons, document.Questionnaire);
        var final = new FinalCatalogue(
            Merge(stored.Conditions, conditions, removals.Conditions, c => c.Slug),
            Merge(stored.Imbalances, imbalances, removals.Imbalances, i => i.Slug),
            mergedStretches,
            Merge(stored.RoutineTemplates, templates, removals.RoutineTemplates, t => t.Slug),
            Merge(stored.Lessons, lessons, removals.Lessons, l => l.Slug),
            document);
        RoutineTemplateValidator.CheckStoredTemplates(problems, stored, templateEntries, removals, mergedStretches);
        CheckReferences(problems, final);

        // The questionnaire weighs published causes and imbalances only: its results are shown to people.
        var publishedConditions = final.Conditions.Values.Where(c => c.Status == ContentStatus.Published).Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
        var publishedImbalances = final.Imbalances.Values.Where(i => i.Status == ContentStatus.Published).Select(i => i.Slug).ToHashSet(StringComparer.Ordinal);
        if ((document.Questionnaire ?? stored.Questionnaire) is { } questionnaire)
        {
            problems.AddRange(Assessments.QuestionnaireValidator.Validate(
                questionnaire, publishedConditions, publishedImbalances, stored: document.Questionnaire is null,
                minimumContract: document.Questionnaire is null ? 1 : stored.Questionnaire?.Contract ?? 1, everyLanguage: document.Questionnaire is not null));
        }

        var history = stored.Questionnaire is null ? questionnaireHistory ?? [] : [];
        for (var i = 0; i < history.Count; i++)
        {
            problems.AddRange(Assessments.QuestionnaireValidator.Validate(
                history[i], publishedConditions, publishedImbalances, reportAs: $"questionnaire history[{i}]"));
        }

        return new ContentValidationResult(incoming, problems);
    }

    /// <summary>The stored items, less the removed ones, with the document's items in place of those with the same slug.</summary>
    private static Dictionary<string, T> Merge<T>(IReadOnlyList<T> stored, IReadOnlyList<T> incoming, IReadOnlySet<string> removed, Func<T, string> slugOf)
    {
        var merged = stored.Where(item => !removed.Contains(slugOf(item))).ToDictionary(slugOf, StringComparer.Ordinal);
        foreach (var item in incoming)
        {
            merged[slugOf(item)] = item;
        }

        return merged;
    }

    /// <summary>The catalogue as it will be after the change, and where in the document each entry came from.</summary>
    private sealed record FinalCatalogue(
        Dictionary<string, Condition> Conditions,
        Dictionary<string, Imbalance> Imbalances,
        Dictionary<string, Stretch> Stretches,
        Dictionary<string, RoutineTemplate> RoutineTemplates,
        Dictionary<string, Lesson> Lessons,
        ContentDocument Document)
    {
        /// <summary>The entry's index in the document, or null when it is stored content the document leaves as it is.</summary>
        public int? IndexOf(string section, string slug)
        {
            IEnumerable<string?> slugs = section switch
            {
                ConditionsSection => Document.Conditions?.Select(e => e?.Slug) ?? [],
                ImbalancesSection => Document.Imbalances?.Select(e => e?.Slug) ?? [],
                StretchesSection => Document.Stretches?.Select(e => e?.Slug) ?? [],
                LessonsSection => Document.Lessons?.Select(e => e?.Slug) ?? [],
                _ => Document.RoutineTemplates?.Select(e => e?.Slug) ?? [],
            };
            var index = slugs.TakeWhile(s => s != slug).Count();
            return slugs.Skip(index).Any() ? index : null;
        }
    }

    /// <summary>
    /// References across the final catalogue: a stored entry must not point at something the change removes, and a
    /// published entry must not point at a draft, which people cannot see. (The document's own entries had their
    /// references resolved as their fields were read.)
    /// </summary>
    private static void CheckReferences(List<ContentProblem> problems, FinalCatalogue final)
    {
        void Check<TTarget>(string section, string slug, ContentStatus status, string field, string target, string kind,
            Dictionary<string, TTarget> targets, Func<TTarget, ContentStatus> statusOf, bool publishedOnly = true)
        {
            var index = final.IndexOf(section, slug);
            if (!targets.TryGetValue(target, out var found))
            {
                if (index is null)
                {
                    problems.Add(new ContentProblem(section, null, slug, field, $"This change removes the {kind} '{target}', which this entry refers to."));
                }

                return;
            }

            if (publishedOnly && status == ContentStatus.Published && statusOf(found) == ContentStatus.Draft)
            {
                problems.Add(new ContentProblem(section, index, slug, field,
                    $"A published entry cannot refer to the draft {kind} '{target}': publish it first, or make this entry a draft."));
            }
        }

        foreach (var imbalance in final.Imbalances.Values)
        {
            foreach (var (condition, i) in imbalance.FeedsConditions.Select((c, i) => (c, i)))
            {
                Check(ImbalancesSection, imbalance.Slug, imbalance.Status, $"feedsConditions[{i}]", condition, "condition", final.Conditions, c => c.Status);
            }
        }

        foreach (var stretch in final.Stretches.Values)
        {
            foreach (var (condition, i) in stretch.IndicatedFor.Select((c, i) => (c, i)))
            {
                Check(StretchesSection, stretch.Slug, stretch.Status, $"indicatedFor[{i}]", condition, "condition", final.Conditions, c => c.Status);
            }

            // A contraindication may name a draft condition: safety rules can be in place before the condition is.
            foreach (var (contraindication, i) in stretch.Contraindications.Select((c, i) => (c, i)))
            {
                Check(StretchesSection, stretch.Slug, stretch.Status, $"contraindications[{i}].condition", contraindication.Condition, "condition",
                    final.Conditions, c => c.Status, publishedOnly: false);
            }

            foreach (var (field, variant) in new[] { ("easierVariant", stretch.EasierVariant), ("harderVariant", stretch.HarderVariant) })
            {
                if (variant is not null)
                {
                    Check(StretchesSection, stretch.Slug, stretch.Status, field, variant, "stretch", final.Stretches, s => s.Status);
                }
            }
        }

        foreach (var lesson in final.Lessons.Values)
        {
            foreach (var (condition, i) in lesson.Conditions.Select((c, i) => (c, i)))
            {
                Check(LessonsSection, lesson.Slug, lesson.Status, $"conditions[{i}]", condition, "condition", final.Conditions, c => c.Status);
            }
        }

        foreach (var template in final.RoutineTemplates.Values)
        {
            Check(RoutineTemplatesSection, template.Slug, template.Status, "condition", template.Condition, "condition", final.Conditions, c => c.Status);
            foreach (var (item, i) in template.Items.Select((item, i) => (item, i)))
            {
                Check(RoutineTemplatesSection, template.Slug, template.Status, $"items[{i}].stretch", item.Stretch, "stretch", final.Stretches, s => s.Status);
            }
        }
    }

    private static List<T> Each<TEntry, T>(
        List<ContentProblem> problems, string section, IReadOnlyList<TEntry?> entries, Func<EntryScope, TEntry, T?> convert)
        where TEntry : class
        where T : class
    {
        var results = new List<T>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var scope = new EntryScope(problems, section, i, SlugOf(entry));
            if (entry is null)
            {
                scope.Add(string.Empty, "The entry is null.");
                continue;
            }

            if (convert(scope, entry) is { } result && !scope.HasProblems)
            {
                results.Add(result);
            }
        }

        return results;
    }

    private static string? SlugOf(object? entry) => entry switch
    {
        ConditionEntry e => e.Slug,
        ImbalanceEntry e => e.Slug,
        StretchEntry e => e.Slug,
        RoutineTemplateEntry e => e.Slug,
        LessonEntry e => e.Slug,
        _ => null,
    };

    private static void CheckDuplicateSlugs(List<ContentProblem> problems, string section, IEnumerable<string?> slugs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var slug in slugs)
        {
            if (slug is not null && !seen.Add(slug))
            {
                problems.Add(new ContentProblem(section, index, slug, "slug", $"The slug '{slug}' appears more than once in {section}."));
            }

            index++;
        }
    }
}
