namespace SciaticaService.Domain.Content;

/// <summary>Reads a routine template entry of a content document, and checks stored templates against a change.</summary>
internal static class RoutineTemplateValidator
{
    public static RoutineTemplate? ToTemplate(
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

        var translations = scope.Translations(entry.Translations, status, (field, t) =>
        {
            var before = scope.ProblemCount;
            var translatedName = scope.Text(field + ".name", t.Name, ContentLimits.NameLength);
            var translatedSummary = scope.Text(field + ".summary", t.Summary, ContentLimits.TextLength);
            return scope.ProblemCount > before ? null : new RoutineTemplateText(translatedName!, translatedSummary!);
        });
        return scope.HasProblems ? null : new RoutineTemplate(slug!, name!, summary!, condition!, items, mergedStretches, status!.Value, translations);
    }

    public static void CheckStoredTemplates(
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
                    problems.Add(new ContentProblem(ContentValidator.RoutineTemplatesSection, null, template.Slug, $"items[{index}].stretch",
                        $"This change would make '{item.Stretch}' contraindicated for '{template.Condition}', yet the stored template uses it."));
                }
            }
        }
    }
}
