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
public sealed record AssessmentResult(
    int QuestionnaireVersion,
    string EngineVersion,
    TriageResult Triage,
    IReadOnlyList<CauseLikelihood> Causes,
    bool Inconclusive,
    string Summary,
    IReadOnlyList<ImbalanceLikelihood> Imbalances,
    OutcomeScores Scores,
    string Disclaimer);

/// <summary>One answer's weight in a result: natural-log likelihood ratio, positive raises, negative lowers.</summary>
public sealed record EvidenceItem(string Item, string Answer, double Weight);

public sealed record CauseLikelihood(string Condition, double Probability, IReadOnlyList<EvidenceItem> RaisedBy, IReadOnlyList<EvidenceItem> LoweredBy);

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
public sealed record Score(string Measure, int Value, int Max, string? Band, int ItemsAnswered);

/// <param name="PainNow">Numeric pain rating, 0 to 10.</param>
/// <param name="Sbi">Sciatica Bothersomeness Index, 0 to 24.</param>
/// <param name="Odi">Oswestry Disability Index percent, when enough sections were answered; else null.</param>
public sealed record OutcomeScores(Score PainNow, Score Sbi, Score? Odi);
