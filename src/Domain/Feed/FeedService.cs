using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Feed;

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
            throw ValidationException.Query("limit", $"From 1 to {MaxPage}.");
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

    /// <summary>The calling partner, or <see cref="ErrorCodes.PartnersOnly"/> for anyone else.</summary>
    internal static Guid PartnerOf(Caller caller) =>
        caller.PartnerId ?? throw new DomainException(ErrorKind.NotAllowedNow, ErrorCodes.PartnersOnly, "The event feed is for partner integrations.");

    private static long ParseCursor(string? cursor) =>
        string.IsNullOrEmpty(cursor) ? 0
        : long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : throw ValidationException.Query("cursor", "Not a cursor this service gave out.");
}
