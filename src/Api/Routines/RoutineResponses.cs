using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Routines;

namespace SciaticaService.Api.Routines;

/// <summary>Builds a routine from one of the caller's assessments.</summary>
/// <param name="AssessmentId">The assessment to build it for.</param>
/// <param name="MinutesPerDay">The daily time budget, 5 to 60 minutes.</param>
public sealed record CreateRoutineRequest(Guid AssessmentId, int MinutesPerDay);

/// <summary>One version of a routine.</summary>
/// <param name="Id">This version's id; sessions point to it.</param>
/// <param name="Version">1, 2, … for the person.</param>
/// <param name="AssessmentId">The assessment it was built for.</param>
/// <param name="CreatedAt">When this version was made.</param>
/// <param name="MinutesPerDay">The time budget asked for.</param>
/// <param name="EstimatedMinutes">About how long a session takes.</param>
/// <param name="Items">The exercises, in order, each with its reason.</param>
/// <param name="SafeFor">The causes every exercise is safe for.</param>
/// <param name="Changes">What changed from the previous version, and why.</param>
/// <param name="PreviousId">The version this one replaced.</param>
/// <param name="Screens">The person's screens every exercise respects (weak bones, a hip replacement, pregnancy, extension that worsens the leg).</param>
public sealed record RoutineResponse(
    Guid Id, int Version, Guid AssessmentId, DateTimeOffset CreatedAt, int MinutesPerDay, int EstimatedMinutes,
    IReadOnlyList<RoutineItem> Items, IReadOnlyList<string> SafeFor, IReadOnlyList<RoutineChange> Changes, Guid? PreviousId,
    IReadOnlyList<Screen> Screens)
{
    public static RoutineResponse From(Routine r) =>
        new(r.Id, r.Version, r.AssessmentId, r.CreatedAt, r.MinutesPerDay, r.EstimatedMinutes, r.Items, r.SafeFor, r.Changes, r.PreviousId, r.Screens);
}

/// <summary>The outcome of an adjustment.</summary>
/// <param name="Changed">Whether a new version was made.</param>
/// <param name="Routine">The current routine: the new version, or the same one.</param>
public sealed record AdjustRoutineResponse(bool Changed, RoutineResponse Routine);

/// <summary>A logged session.</summary>
/// <param name="Id">The client's session id.</param>
/// <param name="RoutineId">The routine version done.</param>
/// <param name="StartedAt">Start.</param>
/// <param name="CompletedAt">End.</param>
/// <param name="PainBefore">Pain before, 0 to 10.</param>
/// <param name="PainAfter">Pain after, 0 to 10.</param>
/// <param name="Items">Each exercise: done or skipped, sets, pain during, note.</param>
/// <param name="RecordedAt">When the service stored it.</param>
/// <param name="AdjustedRoutineId">The new routine version, when this session moved an exercise along.</param>
/// <param name="NewSymptoms">Red-flag symptoms reported as new with the session.</param>
/// <param name="Escalation">What those symptoms need (level, flags, advice with when): the routine is on hold until a clinician's clearance. Null without new symptoms.</param>
/// <param name="Review">Exercises after which pain rose by 3 or more points: they leave the routine until a clinician has looked at them.</param>
public sealed record SessionResponse(
    Guid Id, Guid RoutineId, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, int PainBefore, int PainAfter,
    IReadOnlyList<SessionItem> Items, DateTimeOffset RecordedAt, Guid? AdjustedRoutineId, IReadOnlyList<string> NewSymptoms,
    TriageResult? Escalation, IReadOnlyList<string> Review)
{
    public static SessionResponse From(Session s, Routine? adjusted = null) =>
        new(s.Id, s.RoutineId, s.StartedAt, s.CompletedAt, s.PainBefore, s.PainAfter, s.Items, s.RecordedAt, adjusted?.Id, s.NewSymptoms,
            s.Escalation, s.ForReview);
}

/// <summary>A session in a batch: its id and report.</summary>
/// <param name="Id">The client's session id.</param>
/// <param name="RoutineId">The routine version done.</param>
/// <param name="StartedAt">Start.</param>
/// <param name="CompletedAt">End.</param>
/// <param name="PainBefore">Pain before, 0 to 10.</param>
/// <param name="PainAfter">Pain after, 0 to 10.</param>
/// <param name="Items">Each exercise.</param>
/// <param name="NewSymptoms">Red-flag symptoms that are new since the last session, by item code.</param>
public sealed record BatchSessionRequest(
    Guid Id, Guid RoutineId, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, int PainBefore, int PainAfter, IReadOnlyList<SessionItem> Items,
    IReadOnlyList<string>? NewSymptoms = null)
{
    public SessionReport Report => new(RoutineId, StartedAt, CompletedAt, PainBefore, PainAfter, Items, NewSymptoms);
}

/// <summary>Up to 100 sessions, e.g. logged offline.</summary>
/// <param name="Sessions">The sessions.</param>
public sealed record SessionBatchRequest(IReadOnlyList<BatchSessionRequest> Sessions);

/// <summary>What became of one session of a batch.</summary>
/// <param name="Id">The session id.</param>
/// <param name="Status"><c>created</c>, <c>unchanged</c>, <c>invalid</c>, <c>conflict</c> or <c>quota_exceeded</c> (BatchStatus).</param>
/// <param name="Errors">Problems by field, for invalid or conflicting sessions.</param>
/// <param name="Session">The stored session, when there is one.</param>
public sealed record SessionBatchResult(Guid Id, string Status, IReadOnlyDictionary<string, string[]> Errors, SessionResponse? Session);

/// <summary>Results in the order sent.</summary>
/// <param name="Results">One per session.</param>
public sealed record SessionBatchResponse(IReadOnlyList<SessionBatchResult> Results);
