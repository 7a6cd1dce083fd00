using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

// The REST shape of an imbalance's likelihood, apart from the Domain's: named as before, because the schema name is public.
/// <param name="Imbalance">The imbalance slug.</param>
/// <param name="Probability">How likely it is present, from its prior and the answers.</param>
/// <param name="Likely">Probability of at least one half, with at least one answer pointing to it.</param>
/// <param name="Evidence">The answers behind it, strongest first.</param>
public sealed record ImbalanceLikelihood(string Imbalance, double Probability, bool Likely, IReadOnlyList<EvidenceItem> Evidence)
{
    public static ImbalanceLikelihood From(Model.ImbalanceLikelihood i) => new(i.Imbalance, i.Probability, i.Likely, [.. i.Evidence.Select(EvidenceItem.From)]);
}
