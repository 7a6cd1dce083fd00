using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

/// <summary>A picture, video or animation that shows a stretch. The service does not host the file.</summary>
/// <param name="Kind"><c>image</c>, <c>video</c> or <c>animation</c>.</param>
/// <param name="Url">Relative to the media base URL, e.g. <c>stretches/prone-lying.webp</c>: join the two to fetch it.</param>
/// <param name="Href">The full URL when this deployment has <c>Media:BaseUrl</c> configured; null otherwise.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="DurationSeconds">Length of a video, or of one loop of an animation; null for an image.</param>
/// <param name="AltText">What it shows, in the response's language: for screen readers and when it cannot load.</param>
public sealed record MediaResponse(string Kind, string Url, Uri? Href, int Width, int Height, int? DurationSeconds, string AltText)
{
    public static MediaResponse From(StretchMedia media, Language language, MediaOptions options) => new(
        WireName.Of(media.Kind), media.Url, options.FullUrl(media.Url), media.Width, media.Height, media.DurationSeconds, media.AltTextIn(language));
}
