using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Feed;

/// <summary>
/// Something that happened to a partner's member, for the partner's feed. Written in the same transaction as the
/// change it reports, and numbered per partner in commit order, so a reader that resumes after a sequence number
/// gets every later event exactly once.
/// </summary>
/// <param name="PartnerId">Whose feed.</param>
/// <param name="Sequence">1, 2, 3, … per partner; 0 before it is stored.</param>
/// <param name="Type">
/// <c>assessment.completed</c>, <c>routine.created</c>, <c>routine.adjusted</c>, <c>session.logged</c>,
/// <c>triage.escalated</c>, <c>clearance.recorded</c> or <c>member.erased</c>.
/// </param>
/// <param name="MemberId">The partner's member.</param>
/// <param name="SubjectId">
/// The assessment, routine, session or clearance id (a session's for <c>triage.escalated</c>); empty for <c>member.erased</c>.
/// </param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record PartnerEvent(Guid PartnerId, long Sequence, string Type, string MemberId, Guid SubjectId, DateTimeOffset OccurredAt)
{
    public const string AssessmentCompleted = "assessment.completed";
    public const string RoutineCreated = "routine.created";
    public const string RoutineAdjusted = "routine.adjusted";
    public const string SessionLogged = "session.logged";

    /// <summary>A session reported a new red-flag symptom: the member's routine is held until a clinician's clearance.</summary>
    public const string TriageEscalated = "triage.escalated";

    /// <summary>A clinician's clearance was recorded for the member.</summary>
    public const string ClearanceRecorded = "clearance.recorded";

    /// <summary>The member's data was erased; their earlier events are gone from the feed.</summary>
    public const string MemberErased = "member.erased";

    /// <summary>The event for a change made by <paramref name="caller"/>, or null when no partner follows it.</summary>
    public static PartnerEvent? For(Caller caller, string type, Guid subjectId, DateTimeOffset at) =>
        caller is { Kind: CallerKind.Partner, PartnerId: { } partner, MemberId: { } member }
            ? new PartnerEvent(partner, 0, type, member, subjectId, at)
            : null;
}
