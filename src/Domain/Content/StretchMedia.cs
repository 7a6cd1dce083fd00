namespace SciaticaService.Domain.Content;

/// <summary>
/// A picture, video or animation that shows a stretch. The service does not host files: <see cref="Url"/> is
/// relative to the media base URL the apps are configured with (see README, "Media").
/// </summary>
/// <param name="Kind">Image, video or animation.</param>
/// <param name="Url">A relative path such as <c>stretches/prone-lying.webp</c>: no scheme, no leading slash, no <c>..</c>.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="DurationSeconds">Length of a video, or of one loop of an animation; null for an image.</param>
/// <param name="AltText">What the media shows, for people who cannot see it, by language (every language when published).</param>
public sealed record StretchMedia(
    MediaKind Kind, string Url, int Width, int Height, int? DurationSeconds, IReadOnlyDictionary<Language, string> AltText)
{
    /// <summary>The alt text in <paramref name="language"/>, or in English when a draft lacks it.</summary>
    public string AltTextIn(Language language) =>
        AltText.TryGetValue(language, out var text) ? text : AltText[LanguageNegotiation.Source];
}
