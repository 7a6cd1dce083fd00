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

/// <summary>How much the answers could tell about the cause.</summary>
/// <param name="Level"><c>low</c>, <c>moderate</c> or <c>high</c>.</param>
/// <param name="Reason">Why, in plain words.</param>
public sealed record Confidence(ConfidenceLevel Level, string Reason);

public enum ConfidenceLevel
{
    /// <summary>Few of the questions that tell the causes apart were answered, or the answers pull in different directions.</summary>
    Low,

    Moderate,

    /// <summary>Many telling answers, consistent with each other and pointing clearly to one cause.</summary>
    High,
}

/// <summary>How a cause is put to a lay reader: bands, never a percentage.</summary>
public enum LikelihoodBand
{
    /// <summary>Well below the others.</summary>
    LessLikely,

    /// <summary>Cannot be set aside.</summary>
    Possible,

    /// <summary>The one the answers point to, clearly ahead of the next.</summary>
    MostLikely,
}

/// <summary>Further advice that is not a red flag.</summary>
/// <param name="Code">Stable code, e.g. <c>see_physiotherapist</c>.</param>
/// <param name="Message">The advice, in plain words.</param>
public sealed record Recommendation(string Code, string Message);

/// <summary>One answer's weight in a result: natural-log likelihood ratio, positive raises, negative lowers.</summary>
public sealed record EvidenceItem(string Item, string Answer, double Weight);

/// <param name="Condition">The condition slug.</param>
/// <param name="Probability">From hand-set, evidence-based weights: for partners' structured use, not for showing to a person.</param>
/// <param name="RaisedBy">The answers that raised it, strongest first.</param>
/// <param name="LoweredBy">The answers that lowered it, strongest first.</param>
/// <param name="Band">How to put it to a lay reader; null in results stored before bands existed.</param>
public sealed record CauseLikelihood(
    string Condition, double Probability, IReadOnlyList<EvidenceItem> RaisedBy, IReadOnlyList<EvidenceItem> LoweredBy,
    LikelihoodBand? Band = null);

/// <param name="Imbalance">The imbalance slug.</param>
/// <param name="Probability">How likely it is present, from its prior and the answers.</param>
/// <param name="Likely">Probability of at least one half, with at least one answer pointing to it.</param>
/// <param name="Evidence">The answers behind it, strongest first.</param>
public sealed record ImbalanceLikelihood(string Imbalance, double Probability, bool Likely, IReadOnlyList<EvidenceItem> Evidence);

/// <param name="Measure">E.g. <c>nprs</c>, <c>sbi</c>, <c>odi</c>.</param>
/// <param name="Value">The score.</param>
/// <param name="Max">The largest possible score.</param>
/// <param name="Band">The standard band, where the measure has one.</param>
/// <param name="ItemsAnswered">How many of its items were answered.</param>
/// <param name="Subscale">A subscale where the measure has one (STarT Back's distress items 5-9).</param>
public sealed record Score(string Measure, int Value, int Max, string? Band, int ItemsAnswered, int? Subscale = null);

/// <param name="PainNow">Numeric pain rating, 0 to 10.</param>
/// <param name="Sbi">Sciatica Bothersomeness Index, 0 to 24.</param>
/// <param name="Odi">Oswestry Disability Index percent, when enough sections were answered; else null.</param>
/// <param name="StartBack">STarT Back total, distress subscale and risk band, when all nine items were answered; else null.</param>
public sealed record OutcomeScores(Score PainNow, Score Sbi, Score? Odi, Score? StartBack = null);
