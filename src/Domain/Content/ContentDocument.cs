namespace SciaticaService.Domain.Content;

/// <summary>
/// The content exchange format: what the files under <c>content/</c> hold and what an admin import takes.
/// Every member is nullable because this is untrusted input; <see cref="ContentValidator"/> turns it into
/// domain objects and reports every missing or wrong value with its path instead of failing on the first one.
/// </summary>
public sealed record ContentDocument
{
    public IReadOnlyList<ConditionEntry?>? Conditions { get; init; }

    public IReadOnlyList<ImbalanceEntry?>? Imbalances { get; init; }

    public IReadOnlyList<StretchEntry?>? Stretches { get; init; }

    public IReadOnlyList<RoutineTemplateEntry?>? RoutineTemplates { get; init; }

    public IReadOnlyList<LessonEntry?>? Lessons { get; init; }

    /// <summary>The assessment questionnaire; a change to it makes a new version.</summary>
    public Assessments.QuestionnaireDefinition? Questionnaire { get; init; }

    /// <summary>How many entries the document holds, the questionnaire counting as one.</summary>
    public int EntryCount =>
        (Conditions?.Count ?? 0) + (Imbalances?.Count ?? 0) + (Stretches?.Count ?? 0) + (RoutineTemplates?.Count ?? 0) + (Lessons?.Count ?? 0) + (Questionnaire is null ? 0 : 1);
}

public sealed record ConditionEntry
{
    public string? Slug { get; init; }

    /// <summary><c>published</c> (the default) or <c>draft</c>.</summary>
    public string? Status { get; init; }

    public string? Name { get; init; }

    public string? Summary { get; init; }

    public string? NerveCompression { get; init; }

    public IReadOnlyList<string?>? Signs { get; init; }

    public string? TypicallyAffects { get; init; }

    /// <summary>By language code (<c>es</c>, <c>de</c>): a published entry has every language.</summary>
    public IReadOnlyDictionary<string, ConditionTranslationEntry?>? Translations { get; init; }
}

public sealed record ImbalanceEntry
{
    public string? Slug { get; init; }

    /// <summary><c>published</c> (the default) or <c>draft</c>.</summary>
    public string? Status { get; init; }

    public string? Name { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string?>? TightMuscles { get; init; }

    public IReadOnlyList<string?>? WeakMuscles { get; init; }

    public string? PosturalEffect { get; init; }

    public SelfCheckEntry? SelfCheck { get; init; }

    public IReadOnlyList<string?>? FeedsConditions { get; init; }

    /// <summary>By language code (<c>es</c>, <c>de</c>): a published entry has every language.</summary>
    public IReadOnlyDictionary<string, ImbalanceTranslationEntry?>? Translations { get; init; }
}

public sealed record SelfCheckEntry
{
    public string? Name { get; init; }

    public IReadOnlyList<string?>? Steps { get; init; }

    public string? PositiveSign { get; init; }
}

public sealed record StretchEntry
{
    public string? Slug { get; init; }

    /// <summary><c>published</c> (the default) or <c>draft</c>.</summary>
    public string? Status { get; init; }

    public string? Name { get; init; }

    /// <summary><c>stretch</c>, <c>strengthening</c>, <c>mobility</c> or <c>nerve_glide</c>.</summary>
    public string? Kind { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string?>? Instructions { get; init; }

    public int? HoldSeconds { get; init; }

    public int? Repetitions { get; init; }

    /// <summary><c>each_side</c>, <c>both_together</c> or <c>affected_side</c>.</summary>
    public string? Sides { get; init; }

    public int? Difficulty { get; init; }

    /// <summary><c>flexion</c>, <c>extension</c> or <c>neutral</c>.</summary>
    public string? Bias { get; init; }

    public IReadOnlyList<string?>? TargetMuscles { get; init; }

    public IReadOnlyList<string?>? IndicatedFor { get; init; }

    public IReadOnlyList<ContraindicationEntry?>? Contraindications { get; init; }

    /// <summary>Screens that rule it out whatever the cause: <c>osteoporosis</c>, <c>hip_replacement</c>, <c>pregnancy</c>.</summary>
    public IReadOnlyList<PrecautionEntry?>? Precautions { get; init; }

    public IReadOnlyList<string?>? Cautions { get; init; }

    public string? EasierVariant { get; init; }

    public string? HarderVariant { get; init; }

    /// <summary>Pictures, videos or animations that show it: a published stretch has at least one.</summary>
    public IReadOnlyList<MediaEntry?>? Media { get; init; }

    /// <summary>By language code (<c>es</c>, <c>de</c>): a published entry has every language.</summary>
    public IReadOnlyDictionary<string, StretchTranslationEntry?>? Translations { get; init; }
}

public sealed record ContraindicationEntry
{
    public string? Condition { get; init; }

    public string? Reason { get; init; }
}

public sealed record PrecautionEntry
{
    /// <summary><c>osteoporosis</c>, <c>hip_replacement</c>, <c>pregnancy</c> or <c>extension_worsens</c>.</summary>
    public string? Screen { get; init; }

    public string? Reason { get; init; }
}

public sealed record RoutineTemplateEntry
{
    public string? Slug { get; init; }

    /// <summary><c>published</c> (the default) or <c>draft</c>.</summary>
    public string? Status { get; init; }

    public string? Name { get; init; }

    public string? Summary { get; init; }

    public string? Condition { get; init; }

    public IReadOnlyList<RoutineTemplateItemEntry?>? Items { get; init; }

    /// <summary>By language code (<c>es</c>, <c>de</c>): a published entry has every language.</summary>
    public IReadOnlyDictionary<string, RoutineTemplateTranslationEntry?>? Translations { get; init; }
}

public sealed record RoutineTemplateItemEntry
{
    public string? Stretch { get; init; }

    public int? Sets { get; init; }

    /// <summary>Overrides the stretch's own hold; taken from the stretch when absent.</summary>
    public int? HoldSeconds { get; init; }

    /// <summary>Overrides the stretch's own repetitions; taken from the stretch when absent.</summary>
    public int? Repetitions { get; init; }
}

/// <summary>Slugs to remove from the stored content, by section.</summary>
public sealed record ContentRemovals(
    IReadOnlySet<string> Conditions, IReadOnlySet<string> Imbalances, IReadOnlySet<string> Stretches, IReadOnlySet<string> RoutineTemplates,
    IReadOnlySet<string> Lessons)
{
    public static ContentRemovals None { get; } = new(
        new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    public bool IsEmpty => Conditions.Count + Imbalances.Count + Stretches.Count + RoutineTemplates.Count + Lessons.Count == 0;
}

/// <summary>Domain content back to the exchange format: for export, for audit before/after, and for ETags.</summary>
public static class ContentEntries
{
    public static ConditionEntry ToEntry(this Condition c) => new()
    {
        Slug = c.Slug,
        Status = WireName.Of(c.Status),
        Name = c.Name,
        Summary = c.Summary,
        NerveCompression = c.NerveCompression,
        Signs = [.. c.Signs],
        TypicallyAffects = c.TypicallyAffects,
        Translations = Translations(c.Translations, t => new ConditionTranslationEntry
        {
            Name = t.Name, Summary = t.Summary, NerveCompression = t.NerveCompression, Signs = [.. t.Signs], TypicallyAffects = t.TypicallyAffects,
        }),
    };

    public static ImbalanceEntry ToEntry(this Imbalance i) => new()
    {
        Slug = i.Slug,
        Status = WireName.Of(i.Status),
        Name = i.Name,
        Summary = i.Summary,
        TightMuscles = [.. i.TightMuscles],
        WeakMuscles = [.. i.WeakMuscles],
        PosturalEffect = i.PosturalEffect,
        SelfCheck = new SelfCheckEntry { Name = i.SelfCheck.Name, Steps = [.. i.SelfCheck.Steps], PositiveSign = i.SelfCheck.PositiveSign },
        FeedsConditions = [.. i.FeedsConditions],
        Translations = Translations(i.Translations, t => new ImbalanceTranslationEntry
        {
            Name = t.Name,
            Summary = t.Summary,
            PosturalEffect = t.PosturalEffect,
            SelfCheck = new SelfCheckEntry { Name = t.SelfCheck.Name, Steps = [.. t.SelfCheck.Steps], PositiveSign = t.SelfCheck.PositiveSign },
        }),
    };

    public static StretchEntry ToEntry(this Stretch s) => new()
    {
        Slug = s.Slug,
        Status = WireName.Of(s.Status),
        Name = s.Name,
        Kind = WireName.Of(s.Kind),
        Summary = s.Summary,
        Instructions = [.. s.Instructions],
        HoldSeconds = s.HoldSeconds,
        Repetitions = s.Repetitions,
        Sides = WireName.Of(s.Sides),
        Difficulty = s.Difficulty,
        Bias = WireName.Of(s.Bias),
        TargetMuscles = [.. s.TargetMuscles],
        IndicatedFor = [.. s.IndicatedFor],
        Contraindications = [.. s.Contraindications.Select(c => new ContraindicationEntry { Condition = c.Condition, Reason = c.Reason })],
        Precautions = [.. s.Precautions.Select(p => new PrecautionEntry { Screen = WireName.Of(p.Screen), Reason = p.Reason })],
        Cautions = [.. s.Cautions],
        EasierVariant = s.EasierVariant,
        HarderVariant = s.HarderVariant,
        Media = [.. s.Media.Select(m => new MediaEntry
        {
            Kind = WireName.Of(m.Kind),
            Url = m.Url,
            Width = m.Width,
            Height = m.Height,
            DurationSeconds = m.DurationSeconds,
            AltText = m.AltText.OrderBy(a => a.Key).ToDictionary(a => WireName.Of(a.Key), a => (string?)a.Value),
        })],
        Translations = Translations(s.Translations, t => new StretchTranslationEntry
        {
            Name = t.Name,
            Summary = t.Summary,
            Instructions = [.. t.Instructions],
            Cautions = [.. t.Cautions],
            Contraindications = [.. t.Contraindications.Select(c => new ContraindicationEntry { Condition = c.Condition, Reason = c.Reason })],
            Precautions = [.. t.Precautions.Select(p => new PrecautionEntry { Screen = WireName.Of(p.Screen), Reason = p.Reason })],
        }),
    };

    public static RoutineTemplateEntry ToEntry(this RoutineTemplate t) => new()
    {
        Slug = t.Slug,
        Status = WireName.Of(t.Status),
        Name = t.Name,
        Summary = t.Summary,
        Condition = t.Condition,
        Items = [.. t.Items.Select(i => new RoutineTemplateItemEntry { Stretch = i.Stretch, Sets = i.Sets, HoldSeconds = i.HoldSeconds, Repetitions = i.Repetitions })],
        Translations = Translations(t.Translations, text => new RoutineTemplateTranslationEntry { Name = text.Name, Summary = text.Summary }),
    };

    // In language order, so that an entry's canonical JSON (its audit record and its ETag) does not depend on the
    // order the translations were imported in.
    private static Dictionary<string, TEntry?> Translations<TText, TEntry>(IReadOnlyDictionary<Language, TText> texts, Func<TText, TEntry> toEntry)
        where TEntry : class =>
        texts.OrderBy(t => t.Key).ToDictionary(t => WireName.Of(t.Key), t => (TEntry?)toEntry(t.Value));

    public static LessonEntry ToEntry(this Lesson l)
    {
        var english = l.Texts[LanguageNegotiation.Source];
        return new()
        {
            Slug = l.Slug,
            Status = WireName.Of(l.Status),
            Position = l.Position,
            Conditions = [.. l.Conditions],
            Triage = [.. l.Triage.Select(WireName.Of)],
            Title = english.Title,
            Summary = english.Summary,
            Body = [.. english.Body],
            Translations = l.Texts.Where(t => t.Key != LanguageNegotiation.Source).OrderBy(t => t.Key).ToDictionary(
                t => WireName.Of(t.Key), t => (LessonTranslationEntry?)new LessonTranslationEntry { Title = t.Value.Title, Summary = t.Value.Summary, Body = [.. t.Value.Body] }),
        };
    }

    public static ContentDocument ToDocument(this ContentCatalog catalog) => new()
    {
        Conditions = [.. catalog.Conditions.Select(ToEntry)],
        Imbalances = [.. catalog.Imbalances.Select(ToEntry)],
        Stretches = [.. catalog.Stretches.Select(ToEntry)],
        RoutineTemplates = [.. catalog.RoutineTemplates.Select(ToEntry)],
        Lessons = [.. catalog.Lessons.Select(ToEntry)],
        Questionnaire = catalog.Questionnaire,
    };
}
