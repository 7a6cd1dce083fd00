using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Routines;

namespace SciaticaService.Domain.Privacy;

/// <summary>Everything the service holds about one person, oldest first in each list.</summary>
/// <param name="Person">Whose data.</param>
/// <param name="Assessments">Every assessment, with its answers and result as stored.</param>
/// <param name="Routines">Every routine version.</param>
/// <param name="Sessions">Every logged session.</param>
/// <param name="Clearances">Every clinician's clearance recorded.</param>
/// <param name="Progress">Progress from the first thing stored (at most a year back) to today; null for someone with nothing stored.</param>
public sealed record PersonalData(
    PersonId Person, IReadOnlyList<Assessment> Assessments, IReadOnlyList<Routine> Routines, IReadOnlyList<Session> Sessions,
    IReadOnlyList<Clearance> Clearances, ProgressReport? Progress = null)
{
    /// <summary>Whether nothing at all is stored about the person.</summary>
    public bool IsEmpty => Assessments.Count == 0 && Routines.Count == 0 && Sessions.Count == 0 && Clearances.Count == 0;
}
