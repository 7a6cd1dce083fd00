using System.Globalization;
using SciaticaService.Domain.Feed;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Feed;

/// <summary>One event of a partner's feed.</summary>
/// <param name="Cursor">Pass as <c>cursor</c> to resume after this event.</param>
/// <param name="Type">
/// <c>assessment.completed</c>, <c>routine.created</c>, <c>routine.adjusted</c>, <c>session.logged</c>, <c>triage.escalated</c>,
/// <c>clearance.recorded</c> or <c>member.erased</c> (the member's earlier events have then left the feed).
/// </param>
/// <param name="MemberId">The partner's member.</param>
/// <param name="SubjectId">The assessment, routine, session or clearance id; the nil UUID for <c>member.erased</c>.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record FeedEventResponse(string Cursor, string Type, string MemberId, Guid SubjectId, DateTimeOffset OccurredAt)
{
    public static FeedEventResponse From(PartnerEvent e) =>
        new(e.Sequence.ToString(CultureInfo.InvariantCulture), e.Type, e.MemberId, e.SubjectId, e.OccurredAt);
}
