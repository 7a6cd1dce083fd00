using SciaticaService.Api.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Routines;

namespace SciaticaService.Api.Routines;

/// <summary>A logged session.</summary>
/// <param name="Id">The client's session id.</param>
/// <param name="RoutineId">The routine version done.</param>
/// <param name="StartedAt">Start.</param>
/// <param name="CompletedAt">End.</param>
/// <param name="PainBefore">Pain before, 0 to 10.</param>
/// <param name="PainAfter">Pain after, 0 to 10.</param>
/// <param name="Items">Each exercise, named in the response's language: done or skipped, sets, pain during, note.</param>
/// <param name="RecordedAt">When the service stored it.</param>
/// <param name="AdjustedRoutineId">The new routine version, when this session moved an exercise along.</param>
/// <param name="NewSymptoms">Red-flag symptoms reported as new with the session.</param>
/// <param name="Escalation">What those symptoms need (level, flags, advice with when): the routine is on hold until a clinician's clearance. Null without new symptoms.</param>
/// <param name="Review">Exercises after which pain rose by 3 or more points, or with which it spread down the leg: they leave the routine until a clinician has looked at them.</param>
/// <param name="RoutineNeedsReview">
/// True when logging this session left nothing of the routine that may stay: it is no longer served (GET current
/// answers <c>routine_needs_review</c>); the person should answer the questionnaire again or see a clinician. False
/// otherwise, and when the session is read back or resent.
/// </param>
public sealed record SessionResponse(
    Guid Id, Guid RoutineId, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, int PainBefore, int PainAfter,
    IReadOnlyList<SessionItemResponse> Items, DateTimeOffset RecordedAt, Guid? AdjustedRoutineId, IReadOnlyList<string> NewSymptoms,
    TriageResult? Escalation, IReadOnlyList<string> Review, bool RoutineNeedsReview)
{
    /// <param name="s">The stored session.</param>
    /// <param name="names">Stretch names by slug, in <paramref name="language"/>.</param>
    /// <param name="language">The language of the exercise names and of the escalation's names and advice.</param>
    public static SessionResponse From(Session s, IReadOnlyDictionary<string, string> names, Language language) =>
        new(s.Id, s.RoutineId, s.StartedAt, s.CompletedAt, s.PainBefore, s.PainAfter, [.. s.Items.Select(i => SessionItemResponse.From(i, names))], s.RecordedAt, null, s.NewSymptoms,
            s.Escalation is null ? null : TriageResult.From(ContentQueries.TriageIn(s.Escalation, language)), s.ForReview, RoutineNeedsReview: false);

    /// <param name="logged">The session as just logged, with what logging it did to the routine.</param>
    /// <param name="names">Stretch names by slug, in <paramref name="language"/>.</param>
    /// <param name="language">The language of the exercise names and of the escalation's names and advice.</param>
    public static SessionResponse From(LoggedSession logged, IReadOnlyDictionary<string, string> names, Language language) =>
        From(logged.Session, names, language) with { AdjustedRoutineId = logged.AdjustedRoutine?.Id, RoutineNeedsReview = logged.RoutineNeedsReview };
}
