using SciaticaService.Domain.Assessments;

namespace SciaticaService.Domain.Content;

/// <summary>
/// A short lesson that explains sciatica in plain words: what it is, each cause, muscle imbalances, why the stretches
/// help, pacing, and when to get help. An assessment result links the lessons for its likely causes and its triage.
/// </summary>
public sealed class Lesson
{
    public Lesson(
        string slug,
        int position,
        IReadOnlyList<string> conditions,
        IReadOnlyList<TriageLevel> triage,
        IReadOnlyDictionary<Language, LessonText> texts,
        ContentStatus status = ContentStatus.Published)
    {
        if (!texts.ContainsKey(LanguageNegotiation.Source))
        {
            throw new ContentInvariantException($"Lesson '{slug}' has no English text, the source every translation comes from.");
        }

        Slug = slug;
        Position = position;
        Conditions = [.. conditions];
        Triage = [.. triage];
        Texts = new Dictionary<Language, LessonText>(texts);
        Status = status;
    }

    // For EF Core.
    private Lesson()
    {
        Slug = string.Empty;
        Conditions = [];
        Triage = [];
        Texts = new Dictionary<Language, LessonText>();
    }

    public string Slug { get; private set; }

    /// <summary>Where it comes in the list of lessons: lower first.</summary>
    public int Position { get; private set; }

    /// <summary>Slugs of the causes it explains; a result whose likely causes include one links it.</summary>
    public IReadOnlyList<string> Conditions { get; private set; }

    /// <summary>Triage levels it is for; a result at one of them links it.</summary>
    public IReadOnlyList<TriageLevel> Triage { get; private set; }

    /// <summary>Its text in every language it has, English always among them.</summary>
    public IReadOnlyDictionary<Language, LessonText> Texts { get; private set; }

    /// <summary>Drafts are seen by admins only.</summary>
    public ContentStatus Status { get; private set; }

    /// <summary>The text in <paramref name="language"/>, or in English when a draft lacks it.</summary>
    public LessonText TextIn(Language language) =>
        Texts.TryGetValue(language, out var text) ? text : Texts[LanguageNegotiation.Source];

    /// <summary>
    /// Whether a result should link it: its triage level is one of the lesson's, or a cause the answers point to
    /// (most likely or possible) is one the lesson explains.
    /// </summary>
    public bool IsFor(AssessmentResult result) =>
        Triage.Contains(result.Triage.Level)
        || result.Causes.Any(cause => Conditions.Contains(cause.Condition, StringComparer.Ordinal) && IsLikely(cause));

    public void ReplaceWith(Lesson source)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(source.Slug, Slug);
        (Position, Conditions, Triage, Texts, Status) =
            (source.Position, [.. source.Conditions], [.. source.Triage], new Dictionary<Language, LessonText>(source.Texts), source.Status);
    }

    // Results stored before bands existed carry only probabilities: then anything but a remote cause counts.
    private static bool IsLikely(CauseLikelihood cause) => cause.Band switch
    {
        LikelihoodBand.MostLikely or LikelihoodBand.Possible => true,
        LikelihoodBand.LessLikely => false,
        _ => cause.Probability >= MinimumUnbandedProbability,
    };

    private const double MinimumUnbandedProbability = 0.2;
}
