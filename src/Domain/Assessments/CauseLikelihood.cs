namespace SciaticaService.Domain.Assessments;

/// <param name="Condition">The condition slug.</param>
/// <param name="Probability">From hand-set, evidence-based weights: for partners' structured use, not for showing to a person.</param>
/// <param name="RaisedBy">The answers that raised it, strongest first.</param>
/// <param name="LoweredBy">The answers that lowered it, strongest first.</param>
/// <param name="Band">How to put it to a lay reader; null in results stored before bands existed.</param>
public sealed record CauseLikelihood(
    string Condition, double Probability, IReadOnlyList<EvidenceItem> RaisedBy, IReadOnlyList<EvidenceItem> LoweredBy,
    LikelihoodBand? Band = null);
