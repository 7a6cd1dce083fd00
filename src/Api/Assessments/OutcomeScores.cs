using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

// The REST shape of the outcome scores, apart from the Domain's: named as before, because the schema name is public.
/// <param name="PainNow">Numeric pain rating, 0 to 10.</param>
/// <param name="Sbi">Sciatica Bothersomeness Index, 0 to 24.</param>
/// <param name="Odi">Oswestry Disability Index percent, when enough sections were answered; else null.</param>
/// <param name="StartBack">STarT Back total, distress subscale and risk band, when all nine items were answered; else null.</param>
public sealed record OutcomeScores(Score PainNow, Score Sbi, Score? Odi, Score? StartBack = null)
{
    public static OutcomeScores From(Model.OutcomeScores s) => new(Score.From(s.PainNow), Score.From(s.Sbi), Score.FromOptional(s.Odi), Score.FromOptional(s.StartBack));
}
