using SciaticaService.Domain.Assessments;
using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

// The REST shape of a raised flag, apart from the Domain's: named as before, because the schema name is public.
/// <summary>A red flag found in the answers, with the answers that raised it.</summary>
/// <param name="Code">Stable flag code, e.g. <c>cauda_equina</c>.</param>
/// <param name="Name">Plain name.</param>
/// <param name="Level">The triage level it sets.</param>
/// <param name="Items">The item codes whose answers raised it.</param>
/// <param name="Advice">What to do, in plain words, including when.</param>
/// <param name="Timing">When to see a clinician, as a code; the advice says it in words.</param>
public sealed record RaisedFlag(string Code, string Name, TriageLevel Level, IReadOnlyList<string> Items, string Advice, CareTiming Timing = CareTiming.NotNeeded)
{
    public static RaisedFlag From(Model.RaisedFlag f) => new(f.Code, f.Name, f.Level, f.Items, f.Advice, f.Timing);
}
