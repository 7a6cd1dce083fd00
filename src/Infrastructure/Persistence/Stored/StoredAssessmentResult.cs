using SciaticaService.Domain.Assessments;

namespace SciaticaService.Infrastructure.Persistence.Stored;

/// <summary>
/// An assessment's result as <c>assessments.result</c> holds it, apart from the Domain records so that renaming a
/// Domain property cannot make stored rows unreadable. Shape 1 (questionnaire contract 1) ends at
/// <c>disclaimer</c>, its causes have no <c>band</c> and its scores no <c>startBack</c> or <c>subscale</c>; shape 2
/// (contract 2) adds those and <c>confidence</c>, <c>screens</c>, <c>directionalPreference</c> and
/// <c>recommendations</c>; later, <c>confidence.basis</c>. Members added later are optional, so every earlier shape reads back.
/// </summary>
internal sealed record StoredAssessmentResult(
    int QuestionnaireVersion,
    string EngineVersion,
    StoredTriage Triage,
    IReadOnlyList<StoredCause> Causes,
    bool Inconclusive,
    string Summary,
    IReadOnlyList<StoredImbalance> Imbalances,
    StoredScores Scores,
    string Disclaimer,
    StoredConfidence? Confidence = null,
    IReadOnlyList<Screen>? Screens = null,
    DirectionalPreference DirectionalPreference = DirectionalPreference.Unknown,
    IReadOnlyList<StoredRecommendation>? Recommendations = null)
{
    public static StoredAssessmentResult From(AssessmentResult r) => new(
        r.QuestionnaireVersion, r.EngineVersion, StoredTriage.From(r.Triage), [.. r.Causes.Select(StoredCause.From)], r.Inconclusive, r.Summary,
        [.. r.Imbalances.Select(StoredImbalance.From)], StoredScores.From(r.Scores), r.Disclaimer,
        StoredConfidence.From(r.Confidence), r.Screens, r.DirectionalPreference,
        r.Recommendations?.Select(x => new StoredRecommendation(x.Code, x.Message)).ToList());

    public AssessmentResult ToModel() => new(
        QuestionnaireVersion, EngineVersion, Triage.ToModel(), [.. Causes.Select(c => c.ToModel())], Inconclusive, Summary,
        [.. Imbalances.Select(i => i.ToModel())], Scores.ToModel(), Disclaimer,
        Confidence?.ToModel(), Screens, DirectionalPreference,
        Recommendations?.Select(x => new Recommendation(x.Code, x.Message)).ToList());
}

internal sealed record StoredEvidence(string Item, string Answer, double Weight)
{
    public static StoredEvidence From(EvidenceItem e) => new(e.Item, e.Answer, e.Weight);

    public EvidenceItem ToModel() => new(Item, Answer, Weight);
}

internal sealed record StoredCause(
    string Condition, double Probability, IReadOnlyList<StoredEvidence> RaisedBy, IReadOnlyList<StoredEvidence> LoweredBy, LikelihoodBand? Band = null)
{
    public static StoredCause From(CauseLikelihood c) =>
        new(c.Condition, c.Probability, [.. c.RaisedBy.Select(StoredEvidence.From)], [.. c.LoweredBy.Select(StoredEvidence.From)], c.Band);

    public CauseLikelihood ToModel() =>
        new(Condition, Probability, [.. RaisedBy.Select(e => e.ToModel())], [.. LoweredBy.Select(e => e.ToModel())], Band);
}

internal sealed record StoredImbalance(string Imbalance, double Probability, bool Likely, IReadOnlyList<StoredEvidence> Evidence)
{
    public static StoredImbalance From(ImbalanceLikelihood i) => new(i.Imbalance, i.Probability, i.Likely, [.. i.Evidence.Select(StoredEvidence.From)]);

    public ImbalanceLikelihood ToModel() => new(Imbalance, Probability, Likely, [.. Evidence.Select(e => e.ToModel())]);
}

internal sealed record StoredScore(string Measure, int Value, int Max, string? Band, int ItemsAnswered, int? Subscale = null)
{
    public static StoredScore? From(Score? s) => s is null ? null : new(s.Measure, s.Value, s.Max, s.Band, s.ItemsAnswered, s.Subscale);

    public Score ToModel() => new(Measure, Value, Max, Band, ItemsAnswered, Subscale);
}

internal sealed record StoredScores(StoredScore PainNow, StoredScore Sbi, StoredScore? Odi, StoredScore? StartBack = null)
{
    public static StoredScores From(OutcomeScores s) => new(StoredScore.From(s.PainNow)!, StoredScore.From(s.Sbi)!, StoredScore.From(s.Odi), StoredScore.From(s.StartBack));

    public OutcomeScores ToModel() => new(PainNow.ToModel(), Sbi.ToModel(), Odi?.ToModel(), StartBack?.ToModel());
}

/// <summary>A confidence; <c>basis</c> came later (results stored before it have their English reason only).</summary>
internal sealed record StoredConfidence(ConfidenceLevel Level, string Reason, StoredConfidenceBasis? Basis = null)
{
    public static StoredConfidence? From(Confidence? c) => c is null ? null
        : new(c.Level, c.Reason, c.Basis is { } b ? new StoredConfidenceBasis(b.Code, b.Answered, b.Telling, b.Contradictions) : null);

    public Confidence ToModel() => new(Level, Reason, Basis is { } b ? new ConfidenceBasis(b.Code, b.Answered, b.Telling, b.Contradictions) : null);
}

internal sealed record StoredConfidenceBasis(string Code, int Answered, int Telling, IReadOnlyList<string> Contradictions);

internal sealed record StoredRecommendation(string Code, string Message);
