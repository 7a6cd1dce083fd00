using SciaticaService.Domain.Errors;
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

/// <summary>Reads a partner's feed.</summary>
public interface IPartnerFeed
{
    /// <summary>Events with a sequence above <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<PartnerEvent>> ListAsync(Guid partnerId, long after, int limit, CancellationToken cancellationToken);
}

/// <summary>The partner feed use cases: a page of events after a cursor, and a stream that follows new ones.</summary>
public sealed class FeedService(IPartnerFeed feed)
{
    public const int MaxPage = 500;

    public async Task<(IReadOnlyList<PartnerEvent> Events, string Cursor)> ListAsync(Caller caller, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var partner = PartnerOf(caller);
        var after = ParseCursor(cursor);
        var size = limit ?? 100;
        if (size is < 1 or > MaxPage)
        {
            throw new ValidationException("limit", $"From 1 to {MaxPage}.");
        }

        var events = await feed.ListAsync(partner, after, size, cancellationToken);
        return (events, (events.Count == 0 ? after : events[^1].Sequence).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Every event after the cursor, then new ones as they are committed, until the caller goes away.</summary>
    public async IAsyncEnumerable<PartnerEvent> FollowAsync(
        Caller caller, string? cursor, TimeSpan pollInterval, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partner = PartnerOf(caller);
        var after = ParseCursor(cursor);
        while (!cancellationToken.IsCancellationRequested)
        {
            var events = await feed.ListAsync(partner, after, MaxPage, cancellationToken);
            foreach (var e in events)
            {
                yield return e;
                after = e.Sequence;
            }

            if (events.Count < MaxPage)
            {
                await Task.Delay(pollInterval, cancellationToken);
            }
        }
    }

    private static Guid PartnerOf(Caller caller) => caller.PartnerId ?? throw PartnersOnly();

    internal static DomainException PartnersOnly() =>
        new(ErrorKind.NotAllowedNow, ErrorCodes.PartnersOnly, "The event feed is for partner integrations.");

    private static long ParseCursor(string? cursor) =>
        string.IsNullOrEmpty(cursor) ? 0
        : long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : throw new ValidationException("cursor", "Not a cursor this service gave out.");
}
