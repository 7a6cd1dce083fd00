namespace SciaticaService.Domain.Assessments;

/// <summary>What an assessment found, stored with the versions that produced it so it can always be explained later.</summary>
/// <param name="QuestionnaireVersion">The questionnaire version answered.</param>
/// <param name="EngineVersion">The scoring engine's version.</param>
/// <param name="Triage">Red flags first: how soon to see a clinician, and whether a routine may follow.</param>
/// <param name="Causes">Every cause with its probability (they sum to 1), most likely first.</param>
/// <param name="Inconclusive">True when the evidence does not separate the two most likely causes.</param>
/// <param name="Summary">The result in one or two plain sentences.</param>
/// <param name="Imbalances">Every imbalance with the probability that it is present, most likely first.</param>
/// <param name="Scores">Outcome measures.</param>
/// <param name="Disclaimer">That this is self-care guidance, not a diagnosis.</param>
/// <param name="Confidence">How much the answers could tell about the cause, with the reason; null in results stored before it existed.</param>
/// <param name="Screens">What takes exercises out of a routine whatever the cause (weak bones, a hip replacement, pregnancy, extension that worsens the leg).</param>
/// <param name="DirectionalPreference">What lying face down or arching back does to the leg pain.</param>
/// <param name="Recommendations">Further advice, such as seeing a physiotherapist after a high-risk STarT Back score.</param>
public sealed record AssessmentResult(
    int QuestionnaireVersion,
    string EngineVersion,
    TriageResult Triage,
    IReadOnlyList<CauseLikelihood> Causes,
    bool Inconclusive,
    string Summary,
    IReadOnlyList<ImbalanceLikelihood> Imbalances,
    OutcomeScores Scores,
    string Disclaimer,
    Confidence? Confidence = null,
    IReadOnlyList<Screen>? Screens = null,
    DirectionalPreference DirectionalPreference = DirectionalPreference.Unknown,
    IReadOnlyList<Recommendation>? Recommendations = null);
