using SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

/// <summary>A stored assessment and what it found.</summary>
/// <param name="Id">The assessment's id.</param>
/// <param name="CreatedAt">When it was submitted.</param>
/// <param name="QuestionnaireVersion">The questionnaire version answered.</param>
/// <param name="EngineVersion">The scoring engine's version.</param>
/// <param name="Triage">Red flags first: how soon to see a clinician and whether a routine may follow.</param>
/// <param name="Causes">
/// Every cause with its probability (they sum to 1), most likely first, with the answers behind it and the band to show a
/// lay reader (most likely, possible, less likely): the probabilities come from hand-set weights and are for partners' use,
/// not for display.
/// </param>
/// <param name="Inconclusive">True when the evidence does not separate the two most likely causes.</param>
/// <param name="Summary">The result in plain words.</param>
/// <param name="Imbalances">Every imbalance with the probability it is present and the self-check answers behind it.</param>
/// <param name="Scores">Pain now, SBI, and ODI when enough sections were answered.</param>
/// <param name="Disclaimer">Self-care guidance, not a diagnosis.</param>
/// <param name="Answers">The answers as submitted.</param>
/// <param name="Confidence">How much the answers could tell about the cause (low, moderate, high), with the reason; null for results stored before it existed.</param>
/// <param name="Screens">What takes exercises out of a routine whatever the cause.</param>
/// <param name="DirectionalPreference">What lying face down or arching back does to the leg pain.</param>
/// <param name="Recommendations">Further advice, such as seeing a physiotherapist.</param>
/// <param name="Lessons">Lessons for this result's triage level and likely causes, titled in <paramref name="Language"/>.</param>
/// <param name="Language">The language this result is shown in (<c>en</c>, <c>es</c>, <c>de</c>): the one it was made in unless another was asked for.</param>
/// <param name="MadeIn">The language the person answered in.</param>
public sealed record AssessmentResponse(
    Guid Id,
    DateTimeOffset CreatedAt,
    int QuestionnaireVersion,
    string EngineVersion,
    TriageResult Triage,
    IReadOnlyList<CauseLikelihood> Causes,
    bool Inconclusive,
    string Summary,
    IReadOnlyList<ImbalanceLikelihood> Imbalances,
    OutcomeScores Scores,
    string Disclaimer,
    IReadOnlyDictionary<string, AnswerValue> Answers,
    Confidence? Confidence,
    IReadOnlyList<Screen> Screens,
    DirectionalPreference DirectionalPreference,
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<SciaticaService.Domain.Content.LessonLink> Lessons,
    string Language,
    string MadeIn)
{
    /// <summary>
    /// As stored, without lessons: they are links into content, not part of what the person answered (data export).
    /// Its texts are those the rules wrote, in English, which <c>language</c> says.
    /// </summary>
    public static AssessmentResponse From(Assessment a) => From(a, SciaticaService.Domain.Content.LanguageNegotiation.Source, a.Result, []);

    /// <param name="a">The stored assessment.</param>
    /// <param name="language">The language <paramref name="shown"/> is written in.</param>
    /// <param name="shown">Its result with the texts in <paramref name="language"/>.</param>
    /// <param name="lessons">The lessons for it, titled in <paramref name="language"/>.</param>
    public static AssessmentResponse From(
        Assessment a, SciaticaService.Domain.Content.Language language, AssessmentResult shown, IReadOnlyList<SciaticaService.Domain.Content.LessonLink> lessons) => new(
        a.Id, a.CreatedAt, shown.QuestionnaireVersion, shown.EngineVersion, TriageResult.From(shown.Triage),
        [.. shown.Causes.Select(CauseLikelihood.From)], shown.Inconclusive, shown.Summary, [.. shown.Imbalances.Select(ImbalanceLikelihood.From)],
        OutcomeScores.From(shown.Scores), shown.Disclaimer, a.Answers, Confidence.From(shown.Confidence), shown.Screens ?? Screening.From(a.Answers),
        shown.DirectionalPreference, [.. (shown.Recommendations ?? []).Select(Recommendation.From)],
        lessons, SciaticaService.Domain.Content.WireName.Of(language), SciaticaService.Domain.Content.WireName.Of(a.Language));
}
