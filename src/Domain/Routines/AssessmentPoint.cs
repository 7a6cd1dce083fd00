namespace SciaticaService.Domain.Routines;

/// <param name="AssessmentId">The assessment.</param>
/// <param name="Date">When it was done.</param>
/// <param name="PainNow">Pain then, 0 to 10.</param>
/// <param name="Sbi">SBI total, 0 to 24.</param>
/// <param name="Odi">ODI percent, when scored.</param>
/// <param name="StartBackRisk">STarT Back risk (<c>low</c>, <c>medium</c>, <c>high</c>), when all nine items were answered.</param>
public sealed record AssessmentPoint(Guid AssessmentId, DateTimeOffset Date, int PainNow, int Sbi, int? Odi, string? StartBackRisk = null);
