namespace SciaticaService.Api.Routines;

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
