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

        var conditions = Each(problems, ConditionsSection, conditionEntries, ToCondition);
        var imbalances = Each(problems, ImbalancesSection, imbalanceEntries, (scope, entry) => ToImbalance(scope, entry, conditionSlugs));
        var stretches = Each(problems, StretchesSection, stretchEntries, (scope, entry) => ToStretch(scope, entry, conditionSlugs, stretchSlugs));

        // The stretches as they will be once this document is applied: the document's win over stored ones.
        var mergedStretches = Merge(stored.Stretches, stretches, removals.Stretches, s => s.Slug);

        CheckVariants(problems, stretchEntries, mergedStretches);

        var templates = Each(problems, RoutineTemplatesSection, templateEntries,
            (scope, entry) => ToTemplate(scope, entry, conditionSlugs, stretchSlugs, mergedStretches));

        var lessons = Each(problems, LessonsSection, lessonEntries, (scope, entry) => LessonValidator.ToLesson(scope, entry, conditionSlugs));

        var incoming = new ContentCatalog(conditions, imbalances, stretches, templates, lessons, document.Questionnaire);
        var final = new FinalCatalogue(
            Merge(stored.Conditions, conditions, removals.Conditions, c => c.Slug),
            Merge(stored.Imbalances, imbalances, removals.Imbalances, i => i.Slug),
            mergedStretches,
            Merge(stored.RoutineTemplates, templates, removals.RoutineTemplates, t => t.Slug),
            Merge(stored.Lessons, lessons, removals.Lessons, l => l.Slug),
            document);
        CheckStoredTemplates(problems, stored, templateEntries, removals, mergedStretches);
        CheckReferences(problems, final);

        // The questionnaire weighs published causes and imbalances only: its results are shown to people.
        var publishedConditions = final.Conditions.Values.Where(c => c.Status == ContentStatus.Published).Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
        var publishedImbalances = final.Imbalances.Values.Where(i => i.Status == ContentStatus.Published).Select(i => i.Slug).ToHashSet(StringComparer.Ordinal);
        if ((document.Questionnaire ?? stored.Questionnaire) is { } questionnaire)
        {
            problems.AddRange(Assessments.QuestionnaireValidator.Validate(
                questionnaire, publishedConditions, publishedImbalances, stored: document.Questionnaire is null,
                minimumContract: document.Questionnaire is null ? 1 : stored.Questionnaire?.Contract ?? 1));
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

    private static Condition? ToCondition(EntryScope scope, ConditionEntry entry)
    {
        var slug = scope.Slug("slug", entry.Slug);
        var name = scope.Text("name", entry.Name, ContentLimits.NameLength);
        var summary = scope.Text("summary", entry.Summary, ContentLimits.TextLength);
        var nerve = scope.Text("nerveCompression", entry.NerveCompression, ContentLimits.TextLength);
        var signs = scope.TextList("signs", entry.Signs, minItems: 1);
        var affects = scope.Text("typicallyAffects", entry.TypicallyAffects, ContentLimits.TextLength);
        var status = scope.Status(entry.Status);
        return scope.HasProblems ? null : new Condition(slug!, name!, summary!, nerve!, signs!, affects!, status!.Value);
    }

    private static Imbalance? ToImbalance(EntryScope scope, ImbalanceEntry entry, HashSet<string> conditionSlugs)
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
        return scope.HasProblems ? null : new Imbalance(slug!, name!, summary!, tight!, weak!, effect!, selfCheck!, feeds!, status!.Value);
    }

    private static Stretch? ToStretch(
        EntryScope scope, StretchEntry entry, HashSet<string> conditionSlugs, HashSet<string> stretchSlugs)
    {
        var slug = scope.Slug("slug", entry.Slug);
        var name = scope.Text("name", entry.Name, ContentLimits.NameLength);
        var kind = scope.Enum<ExerciseKind>("kind", entry.Kind);
        var summary = scope.Text("summary", entry.Summary, ContentLimits.TextLength);
        var instructions = scope.TextList("instructions", entry.Instructions, minItems: 1);
        var hold = scope.Int("holdSeconds", entry.HoldSeconds, 1, ContentLimits.MaxHoldSeconds, required: false);
        var reps = scope.Int("repetitions", entry.Repetitions, 1, ContentLimits.MaxRepetitions, required: false);
        if (entry.HoldSeconds is null && entry.Repetitions is null)
        {
            scope.Add("holdSeconds", "Give holdSeconds, repetitions or both, so a person knows how much to do.");
        }

        var sides = scope.Enum<Sides>("sides", entry.Sides);
        var difficulty = scope.Int("difficulty", entry.Difficulty, ContentLimits.MinDifficulty, ContentLimits.MaxDifficulty, required: true);
        var bias = scope.Enum<DirectionBias>("bias", entry.Bias);
        var muscles = scope.SlugList("targetMuscles", entry.TargetMuscles, minItems: 1);
        var indicated = scope.References("indicatedFor", entry.IndicatedFor, conditionSlugs, "condition", minItems: 1);
        var contraindications = ContraindicationsOf(scope, entry.Contraindications, conditionSlugs);
        var precautions = PrecautionsOf(scope, entry.Precautions);
        var cautions = scope.TextList("cautions", entry.Cautions, minItems: 0);
        var easier = scope.Reference("easierVariant", entry.EasierVariant, stretchSlugs, "stretch", required: false);
        var harder = scope.Reference("harderVariant", entry.HarderVariant, stretchSlugs, "stretch", required: false);

        if (indicated is not null && contraindications is not null)
        {
            foreach (var (contraindication, index) in contraindications.Select((c, i) => (c, i)))
            {
                if (indicated.Contains(contraindication.Condition, StringComparer.Ordinal))
                {
                    scope.Add($"contraindications[{index}].condition",
                        $"The stretch is also indicated for '{contraindication.Condition}': a stretch cannot be both indicated and contraindicated for one condition.");
                }
            }
        }

        foreach (var (field, variant) in new[] { ("easierVariant", easier), ("harderVariant", harder) })
        {
            if (variant is not null && variant == slug)
            {
                scope.Add(field, "A stretch cannot be its own variant.");
            }
        }

        if (slug is not null && precautions is not null)
        {
            foreach (var screen in ClinicalPrecautions.For(slug).Where(screen => precautions.All(p => p.Screen != screen)))
            {
                scope.Add("precautions", $"'{slug}' must carry the '{WireName.Of(screen)}' precaution: the clinical rules name it for that screen.");
            }
        }

        var status = scope.Status(entry.Status);
        return scope.HasProblems
            ? null
            : new Stretch(slug!, name!, kind!.Value, summary!, instructions!, hold, reps, sides!.Value, difficulty!.Value, bias!.Value,
                muscles!, indicated!, contraindications!, cautions!, easier, harder, status!.Value, precautions!);
    }

    private static List<Precaution>? PrecautionsOf(EntryScope scope, IReadOnlyList<PrecautionEntry?>? entries)
    {
        if (entries is null)
        {
            return [];
        }

        if (entries.Count > ContentLimits.ListItems)
        {
            scope.Add("precautions", $"At most {ContentLimits.ListItems} precautions.");
            return null;
        }

        var result = new List<Precaution>(entries.Count);
        var seen = new HashSet<Assessments.Screen>();
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"precautions[{i}]";
            if (entries[i] is not { } entry)
            {
                scope.Add(field, "The precaution is null.");
                continue;
            }

            var screen = scope.Enum<Assessments.Screen>($"{field}.screen", entry.Screen);
            var reason = scope.Text($"{field}.reason", entry.Reason, ContentLimits.TextLength);
            if (screen is { } value && !seen.Add(value))
            {
                scope.Add($"{field}.screen", $"'{entry.Screen}' is listed more than once.");
            }

            if (screen is not null && reason is not null)
            {
                result.Add(new Precaution(screen.Value, reason));
            }
        }

        return result;
    }

    private static List<Contraindication>? ContraindicationsOf(
        EntryScope scope, IReadOnlyList<ContraindicationEntry?>? entries, HashSet<string> conditionSlugs)
    {
        if (entries is null)
        {
            return [];
        }

        if (entries.Count > ContentLimits.ListItems)
        {
            scope.Add("contraindications", $"At most {ContentLimits.ListItems} contraindications.");
            return null;
        }

        var result = new List<Contraindication>(entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"contraindications[{i}]";
            if (entries[i] is not { } entry)
            {
                scope.Add(field, "The contraindication is null.");
                continue;
            }

            var condition = scope.Reference($"{field}.condition", entry.Condition, conditionSlugs, "condition", required: true);
            var reason = scope.Text($"{field}.reason", entry.Reason, ContentLimits.TextLength);
            if (condition is not null && !seen.Add(condition))
            {
                scope.Add($"{field}.condition", $"'{condition}' is listed more than once.");
            }

            if (condition is not null && reason is not null)
            {
                result.Add(new Contraindication(condition, reason));
            }
        }

        return result.Count == entries.Count ? result : null;
    }

    // Variants are checked once all stretches are known, so that two stretches may name each other.
    private static void CheckVariants(
        List<ContentProblem> problems, IReadOnlyList<StretchEntry?> entries, Dictionary<string, Stretch> mergedStretches)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { Difficulty: { } difficulty } entry)
            {
                continue;
            }

            var scope = new EntryScope(problems, StretchesSection, i, entry.Slug);
            if (entry.EasierVariant is { } easier && mergedStretches.TryGetValue(easier, out var easierStretch)
                && easierStretch.Difficulty > difficulty)
            {
                scope.Add("easierVariant", $"'{easier}' has difficulty {easierStretch.Difficulty}, more than this stretch's {difficulty}.");
            }

            if (entry.HarderVariant is { } harder && mergedStretches.TryGetValue(harder, out var harderStretch)
                && harderStretch.Difficulty < difficulty)
            {
                scope.Add("harderVariant", $"'{harder}' has difficulty {harderStretch.Difficulty}, less than this stretch's {difficulty}.");
            }
        }
    }

    private static RoutineTemplate? ToTemplate(
        EntryScope scope,
        RoutineTemplateEntry entry,
        HashSet<string> conditionSlugs,
        HashSet<string> stretchSlugs,
        Dictionary<string, Stretch> mergedStretches)
    {
        var slug = scope.Slug("slug", entry.Slug);
        var name = scope.Text("name", entry.Name, ContentLimits.NameLength);
        var summary = scope.Text("summary", entry.Summary, ContentLimits.TextLength);
        var condition = scope.Reference("condition", entry.Condition, conditionSlugs, "condition", required: true);
        var status = scope.Status(entry.Status);
        var items = new List<RoutineTemplateItem>();
        if (entry.Items is not { Count: > 0 } itemEntries)
        {
            scope.Add("items", "A routine template has at least one item.");
            return null;
        }

        if (itemEntries.Count > ContentLimits.TemplateItems)
        {
            scope.Add("items", $"At most {ContentLimits.TemplateItems} items.");
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < itemEntries.Count; i++)
        {
            var field = $"items[{i}]";
            if (itemEntries[i] is not { } item)
            {
                scope.Add(field, "The item is null.");
                continue;
            }

            var stretchSlug = scope.Reference($"{field}.stretch", item.Stretch, stretchSlugs, "stretch", required: true);
            var sets = scope.Int($"{field}.sets", item.Sets, 1, ContentLimits.MaxSets, required: true);
            var hold = scope.Int($"{field}.holdSeconds", item.HoldSeconds, 1, ContentLimits.MaxHoldSeconds, required: false);
            var reps = scope.Int($"{field}.repetitions", item.Repetitions, 1, ContentLimits.MaxRepetitions, required: false);
            if (stretchSlug is null || sets is null)
            {
                continue;
            }

            if (!seen.Add(stretchSlug))
            {
                scope.Add($"{field}.stretch", $"'{stretchSlug}' is already in this template.");
            }

            if (!mergedStretches.TryGetValue(stretchSlug, out var stretch))
            {
                continue; // the stretch entry itself is invalid and reported there
            }

            if (condition is not null && stretch.IsContraindicatedFor(condition))
            {
                scope.Add($"{field}.stretch", $"'{stretchSlug}' is contraindicated for '{condition}', the condition of this template.");
            }

            items.Add(new RoutineTemplateItem(i + 1, stretchSlug, sets.Value, hold ?? stretch.HoldSeconds, reps ?? stretch.Repetitions));
        }

        return scope.HasProblems ? null : new RoutineTemplate(slug!, name!, summary!, condition!, items, mergedStretches, status!.Value);
    }

    private static void CheckStoredTemplates(
        List<ContentProblem> problems,
        ContentCatalog stored,
        IReadOnlyList<RoutineTemplateEntry?> templateEntries,
        ContentRemovals removals,
        Dictionary<string, Stretch> mergedStretches)
    {
        var replaced = templateEntries.Select(e => e?.Slug).OfType<string>().Concat(removals.RoutineTemplates).ToHashSet(StringComparer.Ordinal);
        foreach (var template in stored.RoutineTemplates.Where(t => !replaced.Contains(t.Slug)))
        {
            foreach (var (item, index) in template.Items.Select((item, index) => (item, index)))
            {
                if (mergedStretches.TryGetValue(item.Stretch, out var stretch) && stretch.IsContraindicatedFor(template.Condition))
                {
                    problems.Add(new ContentProblem(RoutineTemplatesSection, null, template.Slug, $"items[{index}].stretch",
                        $"This change would make '{item.Stretch}' contraindicated for '{template.Condition}', yet the stored template uses it."));
                }
            }
        }
    }
}
