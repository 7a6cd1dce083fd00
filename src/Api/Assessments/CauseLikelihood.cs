using SciaticaService.Domain.Assessments;
using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

// The REST shape of a cause's likelihood, apart from the Domain's: named as before, because the schema name is public.
/// <param name="Condition">The condition slug.</param>
/// <param name="Probability">From hand-set, evidence-based weights: for partners' structured use, not for showing to a person.</param>
/// <param name="RaisedBy">The answers that raised it, strongest first.</param>
/// <param name="LoweredBy">The answers that lowered it, strongest first.</param>
/// <param name="Band">How to put it to a lay reader; null in results stored before bands existed.</param>
public sealed record CauseLikelihood(
    string Condition, double Probability, IReadOnlyList<EvidenceItem> RaisedBy, IReadOnlyList<EvidenceItem> LoweredBy,
    LikelihoodBand? Band = null)
{
    public static CauseLikelihood From(Model.CauseLikelihood c) =>
        new(c.Condition, c.Probability, [.. c.RaisedBy.Select(EvidenceItem.From)], [.. c.LoweredBy.Select(EvidenceItem.From)], c.Band);
}
