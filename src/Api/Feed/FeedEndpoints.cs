using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SciaticaService.Api.Http;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Feed;

namespace SciaticaService.Api.Feed;

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
        var size = RequestValues.Limit(limit, $"From 1 to {FeedService.MaxPage}.");
        var (events, next) = await feed.ListAsync(context.GetCaller(), cursor, size, cancellationToken);
        Telemetry.ApiMetrics.FeedDelivered(context.RequestServices, events, "page");
        return TypedResults.Ok(new FeedPageResponse([.. events.Select(FeedEventResponse.From)], next));
    }
}
