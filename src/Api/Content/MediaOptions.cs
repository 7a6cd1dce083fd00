namespace SciaticaService.Api.Content;

/// <summary>Where the apps fetch stretch media from; the service only hands out paths below it.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>An absolute http(s) URL ending in <c>/</c>, e.g. <c>https://media.example.org/sciatica/</c>; unset, responses carry only the relative path.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The full URL of a relative media path, or null when no base URL is configured.</summary>
    public Uri? FullUrl(string relativePath) => BaseUrl is null ? null : new Uri(BaseUrl, relativePath);
}
