namespace SciaticaService.Domain.Assessments;

/// <param name="PainNow">Numeric pain rating, 0 to 10.</param>
/// <param name="Sbi">Sciatica Bothersomeness Index, 0 to 24.</param>
/// <param name="Odi">Oswestry Disability Index percent, when enough sections were answered; else null.</param>
/// <param name="StartBack">STarT Back total, distress subscale and risk band, when all nine items were answered; else null.</param>
public sealed record OutcomeScores(Score PainNow, Score Sbi, Score? Odi, Score? StartBack = null);
