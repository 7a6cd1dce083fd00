using SciaticaService.Domain.Content;

namespace SciaticaService.Infrastructure.Content;

/// <summary>
/// One consistent, immutable view of every published content item, read in display order, answering the catalogue's
/// queries in memory. The whole catalogue is a few dozen items, so filtering a list beats a round trip to PostgreSQL
/// by two orders of magnitude. Entities here are shared by every request: their public surface is read-only.
/// </summary>
internal sealed class PublishedContent : IContentReader
{
    private readonly IReadOnlyList<Condition> _conditions;
    private readonly IReadOnlyList<Imbalance> _imbalances;
    private readonly IReadOnlyList<Stretch> _stretches;
    private readonly IReadOnlyList<RoutineTemplate> _routineTemplates;
    private readonly IReadOnlyList<Lesson> _lessons;
    private readonly Dictionary<string, Lesson> _lessonsBySlug;
    private readonly Dictionary<string, Condition> _conditionsBySlug;
    private readonly Dictionary<string, Imbalance> _imbalancesBySlug;
    private readonly Dictionary<string, Stretch> _stretchesBySlug;
    private readonly Dictionary<string, RoutineTemplate> _routineTemplatesBySlug;
    private readonly IReadOnlySet<string> _conditionSlugs;
    private readonly IReadOnlySet<string> _muscles;

    /// <param name="conditions">Published conditions, by name.</param>
    /// <param name="imbalances">Published imbalances, by name.</param>
    /// <param name="stretches">Published stretches, gentlest first, then by name.</param>
    /// <param name="routineTemplates">Published routine templates, by name.</param>
    /// <param name="lessons">Published lessons, in their order.</param>
    /// <param name="latestQuestionnaire">The questionnaire new assessments answer; null before any is stored.</param>
    public PublishedContent(
        IReadOnlyList<Condition> conditions,
        IReadOnlyList<Imbalance> imbalances,
        IReadOnlyList<Stretch> stretches,
        IReadOnlyList<RoutineTemplate> routineTemplates,
        IReadOnlyList<Lesson> lessons,
        Domain.Assessments.Questionnaire? latestQuestionnaire)
    {
        LatestQuestionnaire = latestQuestionnaire;
        _conditions = conditions;
        _imbalances = imbalances;
        _stretches = stretches;
        _routineTemplates = routineTemplates;
        _lessons = lessons;
        _lessonsBySlug = lessons.ToDictionary(l => l.Slug, StringComparer.Ordinal);
        _conditionsBySlug = conditions.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        _imbalancesBySlug = imbalances.ToDictionary(i => i.Slug, StringComparer.Ordinal);
        _stretchesBySlug = stretches.ToDictionary(s => s.Slug, StringComparer.Ordinal);
        _routineTemplatesBySlug = routineTemplates.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        _conditionSlugs = _conditionsBySlug.Keys.ToHashSet(StringComparer.Ordinal);
        _muscles = stretches.SelectMany(s => s.TargetMuscles)
            .Concat(imbalances.SelectMany(i => i.TightMuscles))
            .Concat(imbalances.SelectMany(i => i.WeakMuscles))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The questionnaire new assessments answer: 36 KB of JSON that every assessment would otherwise read and parse.</summary>
    public Domain.Assessments.Questionnaire? LatestQuestionnaire { get; }

    public Task<IReadOnlyList<Condition>> ListConditionsAsync(CancellationToken cancellationToken) => Task.FromResult(_conditions);

    public Task<Condition?> FindConditionAsync(string slug, CancellationToken cancellationToken) =>
        Task.FromResult(_conditionsBySlug.GetValueOrDefault(slug));

    public Task<IReadOnlyList<Imbalance>> ListImbalancesAsync(CancellationToken cancellationToken) => Task.FromResult(_imbalances);

    public Task<Imbalance?> FindImbalanceAsync(string slug, CancellationToken cancellationToken) =>
        Task.FromResult(_imbalancesBySlug.GetValueOrDefault(slug));

    public Task<IReadOnlyList<Stretch>> ListStretchesAsync(StretchCriteria criteria, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Stretch>>([.. _stretches.Where(s => Matches(s, criteria))]);

    public Task<Stretch?> FindStretchAsync(string slug, CancellationToken cancellationToken) =>
        Task.FromResult(_stretchesBySlug.GetValueOrDefault(slug));

    public Task<IReadOnlyList<RoutineTemplate>> ListRoutineTemplatesAsync(string? condition, CancellationToken cancellationToken) =>
        Task.FromResult(condition is null
            ? _routineTemplates
            : [.. _routineTemplates.Where(t => t.Condition == condition)]);

    public Task<RoutineTemplate?> FindRoutineTemplateAsync(string slug, CancellationToken cancellationToken) =>
        Task.FromResult(_routineTemplatesBySlug.GetValueOrDefault(slug));

    public Task<IReadOnlyList<Lesson>> ListLessonsAsync(string? condition, CancellationToken cancellationToken) =>
        Task.FromResult(condition is null
            ? _lessons
            : [.. _lessons.Where(l => l.Conditions.Contains(condition, StringComparer.Ordinal))]);

    public Task<Lesson?> FindLessonAsync(string slug, CancellationToken cancellationToken) =>
        Task.FromResult(_lessonsBySlug.GetValueOrDefault(slug));

    public Task<IReadOnlySet<string>> ListConditionSlugsAsync(CancellationToken cancellationToken) => Task.FromResult(_conditionSlugs);

    public Task<IReadOnlySet<string>> ListMusclesAsync(CancellationToken cancellationToken) => Task.FromResult(_muscles);

    private static bool Matches(Stretch stretch, StretchCriteria criteria) =>
        (criteria.IndicatedFor is not { } indicatedFor || stretch.IndicatedFor.Contains(indicatedFor, StringComparer.Ordinal))
        && (criteria.SafeFor is not { } safeFor || !stretch.Contraindications.Any(c => c.Condition == safeFor))
        && (criteria.Muscle is not { } muscle || stretch.TargetMuscles.Contains(muscle, StringComparer.Ordinal))
        && (criteria.Bias is not { } bias || stretch.Bias == bias)
        && (criteria.MaxDifficulty is not { } maxDifficulty || stretch.Difficulty <= maxDifficulty);
}
