using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Routines;

/// <summary>What a progress report is computed from, read together.</summary>
/// <param name="Days">The person's sessions, by day, in the sessions' range, oldest first.</param>
/// <param name="FirstRoutineAt">When the person's first routine was made; null if they have none.</param>
/// <param name="Assessments">The outcome scores of the person's latest assessments in the scores' range, oldest first.</param>
public sealed record ProgressHistory(IReadOnlyList<SessionDay> Days, DateTimeOffset? FirstRoutineAt, IReadOnlyList<AssessmentPoint> Assessments);

public interface IProgressStore
{
    /// <summary>
    /// The person's sessions by day completed in <paramref name="sessions"/>, the first routine's date, and the
    /// scores of the latest <paramref name="maxAssessments"/> assessments made in <paramref name="scores"/> (each
    /// range [Since, Until)). Its size grows with the days covered, not with the sessions logged on them.
    /// </summary>
    Task<ProgressHistory> ReadAsync(
        PersonId person, (DateTimeOffset Since, DateTimeOffset Until) sessions, (DateTimeOffset Since, DateTimeOffset Until) scores,
        int maxAssessments, CancellationToken cancellationToken);
}
