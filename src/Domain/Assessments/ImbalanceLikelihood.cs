namespace SciaticaService.Domain.Assessments;

/// <param name="Imbalance">The imbalance slug.</param>
/// <param name="Probability">How likely it is present, from its prior and the answers.</param>
/// <param name="Likely">Probability of at least one half, with at least one answer pointing to it.</param>
/// <param name="Evidence">The answers behind it, strongest first.</param>
public sealed record ImbalanceLikelihood(string Imbalance, double Probability, bool Likely, IReadOnlyList<EvidenceItem> Evidence);
