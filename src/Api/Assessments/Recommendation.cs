using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

// The REST shape of a recommendation, apart from the Domain's: named as before, because the schema name is public.
/// <summary>Further advice that is not a red flag.</summary>
/// <param name="Code">Stable code, e.g. <c>see_physiotherapist</c>.</param>
/// <param name="Message">The advice, in plain words.</param>
public sealed record Recommendation(string Code, string Message)
{
    public static Recommendation From(Model.Recommendation r) => new(r.Code, r.Message);
}
