namespace SciaticaService.Api.Routines;

/// <summary>Builds a routine from one of the caller's assessments.</summary>
/// <param name="AssessmentId">The assessment to build it for.</param>
/// <param name="MinutesPerDay">The daily time budget, 5 to 60 minutes.</param>
public sealed record CreateRoutineRequest(Guid AssessmentId, int MinutesPerDay);
