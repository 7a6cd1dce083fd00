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
    IReadOnlyList<Recommendation> Recommendations)
{
    public static AssessmentResponse From(Assessment a) => new(
        a.Id, a.CreatedAt, a.Result.QuestionnaireVersion, a.Result.EngineVersion, a.Result.Triage with { NotAsked = a.Result.Triage.NotAsked ?? [] },
        a.Result.Causes, a.Result.Inconclusive, a.Result.Summary, a.Result.Imbalances, a.Result.Scores, a.Result.Disclaimer, a.Answers,
        a.Result.Confidence, a.Result.Screens ?? Screening.From(a.Answers), a.Result.DirectionalPreference, a.Result.Recommendations ?? []);
}
