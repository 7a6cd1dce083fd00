using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using SciaticaService.Api.Errors;
using SciaticaService.Api.Http;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Feed;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Feed;

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
                Telemetry.ApiMetrics.FeedDelivered(context.GetHttpContext().RequestServices, [e], "stream");
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
        var (events, next) = await feed.ListAsync(context.GetHttpContext().GetCaller(), request.Cursor, RequestValues.Limit(request.Limit), context.CancellationToken);
        Telemetry.ApiMetrics.FeedDelivered(context.GetHttpContext().RequestServices, events, "page");
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
