using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

// The REST shape of one answer's weight, apart from the Domain's: named as before, because the schema name is public.
/// <summary>One answer's weight in a result: natural-log likelihood ratio, positive raises, negative lowers.</summary>
public sealed record EvidenceItem(string Item, string Answer, double Weight)
{
    public static EvidenceItem From(Model.EvidenceItem e) => new(e.Item, e.Answer, e.Weight);
}
