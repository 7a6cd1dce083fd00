using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Assessments;

/// <summary>A page of a person's assessments, newest first.</summary>
/// <param name="Items">The assessments.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next, older page; null on the last page.</param>
public sealed record AssessmentPage(IReadOnlyList<Assessment> Items, string? NextCursor);

public interface IAssessmentStore
{
    /// <summary>
    /// Stores the assessment, and the partner's feed event if there is one in the same transaction, unless an
    /// assessment with its id exists or the person has already submitted <paramref name="dailyQuota"/> today (UTC);
    /// returns the stored one, or null when the quota refused it.
    /// </summary>
    Task<Assessment?> AddOrGetAsync(Assessment assessment, Feed.PartnerEvent? partnerEvent, int dailyQuota, CancellationToken cancellationToken);

    Task<Assessment?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The person's assessments older than <paramref name="before"/>, newest first.</summary>
    Task<IReadOnlyList<Assessment>> ListAsync(
        PersonId person, (DateTimeOffset CreatedAt, Guid Id)? before, int limit, CancellationToken cancellationToken);

    /// <summary>The id and triage level of the person's latest assessment, without loading it; null when there is none.</summary>
    Task<(Guid Id, TriageLevel Level)?> GetLatestTriageAsync(PersonId person, CancellationToken cancellationToken);
}
