namespace SciaticaService.Domain.Content;

/// <summary>The kinds of content an admin edits one entry at a time.</summary>
public static class ContentEntryKinds
{
    public static ContentEntryKind<Condition, ConditionEntry> Conditions { get; } = new(
        "condition", c => c.Conditions, c => c.Slug, c => c.ToEntry(), e => e.Slug, (e, slug) => e with { Slug = slug },
        e => new ContentDocument { Conditions = [e] }, slug => Removal(conditions: slug));

    public static ContentEntryKind<Imbalance, ImbalanceEntry> Imbalances { get; } = new(
        "imbalance", c => c.Imbalances, i => i.Slug, i => i.ToEntry(), e => e.Slug, (e, slug) => e with { Slug = slug },
        e => new ContentDocument { Imbalances = [e] }, slug => Removal(imbalances: slug));

    public static ContentEntryKind<Stretch, StretchEntry> Stretches { get; } = new(
        "stretch", c => c.Stretches, s => s.Slug, s => s.ToEntry(), e => e.Slug, (e, slug) => e with { Slug = slug },
        e => new ContentDocument { Stretches = [e] }, slug => Removal(stretches: slug));

    public static ContentEntryKind<RoutineTemplate, RoutineTemplateEntry> RoutineTemplates { get; } = new(
        "routine_template", c => c.RoutineTemplates, t => t.Slug, t => t.ToEntry(), e => e.Slug, (e, slug) => e with { Slug = slug },
        e => new ContentDocument { RoutineTemplates = [e] }, slug => Removal(templates: slug));

    public static ContentEntryKind<Lesson, LessonEntry> Lessons { get; } = new(
        "lesson", c => c.Lessons, l => l.Slug, l => l.ToEntry(), e => e.Slug, (e, slug) => e with { Slug = slug },
        e => new ContentDocument { Lessons = [e] }, slug => Removal(lessons: slug));

    private static ContentRemovals Removal(
        string? conditions = null, string? imbalances = null, string? stretches = null, string? templates = null, string? lessons = null)
    {
        static HashSet<string> One(string? slug) => slug is null ? [] : [slug];
        return new ContentRemovals(One(conditions), One(imbalances), One(stretches), One(templates), One(lessons));
    }
}
