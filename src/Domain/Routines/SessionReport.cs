namespace SciaticaService.Domain.Routines;

/// <summary>A session as a client reports it.</summary>
/// <param name="RoutineId">The routine version that was done.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="CompletedAt">When it ended.</param>
/// <param name="PainBefore">Pain before, 0 to 10.</param>
/// <param name="PainAfter">Pain after, 0 to 10.</param>
/// <param name="Items">What was done with each exercise.</param>
/// <param name="NewSymptoms">
/// Red-flag symptoms that are new since the last session, by item code (<c>saddle_numbness</c>, <c>bladder_bowel_change</c>,
/// <c>sexual_function_change</c>, <c>progressive_weakness</c>, <c>foot_drop</c>, <c>legs_giving_way</c>, <c>both_legs_give_way</c>, <c>both_legs_recent</c>).
/// Any of them holds the routine until a clinician's clearance.
/// </param>
public sealed record SessionReport(
    Guid RoutineId, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, int PainBefore, int PainAfter, IReadOnlyList<SessionItem> Items,
    IReadOnlyList<string>? NewSymptoms = null);
