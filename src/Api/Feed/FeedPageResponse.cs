using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Feed;

/// <summary>A page of events.</summary>
/// <param name="Events">Oldest first.</param>
/// <param name="Cursor">The cursor to pass next time.</param>
public sealed record FeedPageResponse(IReadOnlyList<FeedEventResponse> Events, string Cursor);
