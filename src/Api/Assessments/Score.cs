using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

// The REST shape of a score, apart from the Domain's: named as before, because the schema name is public.
/// <param name="Measure">E.g. <c>nprs</c>, <c>sbi</c>, <c>odi</c>.</param>
/// <param name="Value">The score.</param>
/// <param name="Max">The largest possible score.</param>
/// <param name="Band">The standard band, where the measure has one.</param>
/// <param name="ItemsAnswered">How many of its items were answered.</param>
/// <param name="Subscale">A subscale where the measure has one (STarT Back's distress items 5-9).</param>
public sealed record Score(string Measure, int Value, int Max, string? Band, int ItemsAnswered, int? Subscale = null)
{
    public static Score From(Model.Score s) => new(s.Measure, s.Value, s.Max, s.Band, s.ItemsAnswered, s.Subscale);

    public static Score? FromOptional(Model.Score? s) => s is null ? null : From(s);
}
