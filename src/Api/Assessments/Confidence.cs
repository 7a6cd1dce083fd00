using SciaticaService.Domain.Assessments;
using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

// The REST shape of a confidence, apart from the Domain's (which also keeps the reason's basis): named as before,
// because the schema name is public.
/// <summary>How much the answers could tell about the cause.</summary>
/// <param name="Level"><c>low</c>, <c>moderate</c> or <c>high</c>.</param>
/// <param name="Reason">Why, in plain words.</param>
public sealed record Confidence(ConfidenceLevel Level, string Reason)
{
    public static Confidence? From(Model.Confidence? c) => c is null ? null : new(c.Level, c.Reason);
}
