using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SciaticaService.Api.Errors;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Errors;
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

/// <summary>A page of events.</summary>
/// <param name="Events">Oldest first.</param>
/// <param name="Cursor">The cursor to pass next time.</param>
public sealed record FeedPageResponse(IReadOnlyList<FeedEventResponse> Events, string Cursor);

public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/partner/events", ListPartnerEvents).WithTags("Partner feed").WithName(nameof(ListPartnerEvents))
            .RequireAuthorization(SecurityRegistration.PartnerPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    /// <summary>Events about the calling partner's members after a cursor, oldest first: every event exactly once, in order.</summary>
    /// <param name="cursor">The cursor of the last event seen; empty for the first.</param>
    /// <param name="limit">1 to 500 (default 100).</param>
    public static async Task<Ok<FeedPageResponse>> ListPartnerEvents(
        [FromQuery] string? cursor, [FromQuery] string? limit, FeedService feed, HttpContext context, CancellationToken cancellationToken)
    {
        int? size = null;
        if (!string.IsNullOrEmpty(limit))
        {
            size = int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new ValidationException("limit", $"From 1 to {FeedService.MaxPage}.");
        }

        var (events, next) = await feed.ListAsync(context.GetCaller(), cursor, size, cancellationToken);
        return TypedResults.Ok(new FeedPageResponse([.. events.Select(FeedEventResponse.From)], next));
    }
}

[Authorize(Policy = SecurityRegistration.PartnerPolicy)]
public sealed class PartnerFeedGrpcService(FeedService feed, FeedSubscriptions streams, IOptions<FeedOptions> options) : V1.PartnerFeedService.PartnerFeedServiceBase
{
    /// <summary>
    /// Streams events after the cursor, then new ones. Ends cleanly (OK) after the stream's maximum lifetime, to be
    /// resumed from the last cursor; ends UNAUTHENTICATED the moment the partner's key is revoked; over the partner's cap
    /// of open streams it is refused with RESOURCE_EXHAUSTED (<c>too_many_streams</c>).
    /// </summary>
    [Microsoft.AspNetCore.Http.Timeouts.DisableRequestTimeout] // a subscription lasts as long as the partner listens, up to its lifetime
    public override async Task Subscribe(V1.SubscribeRequest request, IServerStreamWriter<V1.FeedEvent> responseStream, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller();
        using var stream = streams.Open(caller);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, stream.Ended);
        // Headers now, not with the first event: the subscriber knows at once that the stream is open.
        await context.WriteResponseHeadersAsync([]);
        try
        {
            await foreach (var e in feed.FollowAsync(caller, request.Cursor, options.Value.PollInterval, ended.Token))
            {
                await responseStream.WriteAsync(ToMessage(e), ended.Token);
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            if (stream.IsRevoked)
            {
                throw DomainErrorInterceptor.Status(StatusCode.Unauthenticated, ErrorCodes.Unauthenticated, "The API key was revoked.");
            }

            // The subscriber went away, or the stream reached its lifetime: the normal end of a stream.
        }
    }

    public override async Task<V1.ListEventsResponse> ListEvents(V1.ListEventsRequest request, ServerCallContext context)
    {
        var (events, next) = await feed.ListAsync(context.GetHttpContext().GetCaller(), request.Cursor, request.Limit == 0 ? null : request.Limit, context.CancellationToken);
        return new V1.ListEventsResponse { Events = { events.Select(ToMessage) }, Cursor = next };
    }

    private static V1.FeedEvent ToMessage(PartnerEvent e) => new()
    {
        Cursor = e.Sequence.ToString(CultureInfo.InvariantCulture),
        Type = e.Type,
        MemberId = e.MemberId,
        SubjectId = e.SubjectId.ToString(),
        OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
    };
}
