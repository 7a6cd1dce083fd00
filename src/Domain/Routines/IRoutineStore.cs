using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Routines;

public interface IRoutineStore
{
    Task<Routine?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The routine, and whether it is its person's current version (no later version exists).</summary>
    Task<(Routine Routine, bool IsCurrent)?> FindWithStandingAsync(Guid id, CancellationToken cancellationToken);

    Task<Routine?> GetCurrentAsync(PersonId person, CancellationToken cancellationToken);

    /// <summary>The person's routine version made by the change the client keyed with <paramref name="key"/>, if any.</summary>
    Task<Routine?> FindByIdempotencyKeyAsync(PersonId person, string key, CancellationToken cancellationToken);

    /// <summary>The id and version number of the person's current routine, without loading it.</summary>
    Task<(Guid Id, int Version)?> GetCurrentVersionAsync(PersonId person, CancellationToken cancellationToken);

    /// <summary>
    /// What building a routine from <paramref name="assessmentId"/> for <paramref name="person"/> starts from, read
    /// together; <see cref="RoutineBasis.RecentChanges"/> are those of the versions made since <paramref name="changesSince"/>.
    /// </summary>
    Task<RoutineBasis> ReadBasisAsync(PersonId person, Guid assessmentId, DateTimeOffset changesSince, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new version, with the partner's feed event if there is one, in one transaction; a concurrent writer
    /// that took the same version number makes this a conflict.
    /// </summary>
    Task AddAsync(Routine routine, Feed.PartnerEvent? partnerEvent, CancellationToken cancellationToken);
}

/// <summary>What a new routine is built from.</summary>
/// <param name="Result">The assessment's result; null unless the assessment exists and is the person's.</param>
/// <param name="Answers">The assessment's answers, for the screens; null when the result is.</param>
/// <param name="Latest">The person's latest assessment and its triage level; null if they have none.</param>
/// <param name="Current">The id and version of the person's current routine; null if they have none.</param>
/// <param name="Hold">The red flag that holds the person's routines until a clearance; null when none does.</param>
/// <param name="RecentChanges">The changes recorded by the person's recent routine versions, with when each version was made (see <see cref="IRoutineStore.ReadBasisAsync"/>).</param>
/// <param name="ClearedThrough">How far the person's latest clinician's clearance reaches: what was raised before it is covered; null without one.</param>
public sealed record RoutineBasis(
    AssessmentResult? Result, IReadOnlyDictionary<string, AnswerValue>? Answers, (Guid Id, TriageLevel Level)? Latest, (Guid Id, int Version)? Current,
    TriageHold? Hold, IReadOnlyList<(DateTimeOffset MadeAt, IReadOnlyList<RoutineChange> Changes)> RecentChanges, DateTimeOffset? ClearedThrough);
