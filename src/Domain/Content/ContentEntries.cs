namespace SciaticaService.Domain.Content;

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
