using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

/// <summary>A stretch's picture, video or animation in the content exchange format.</summary>
public sealed record MediaEntry
{
    /// <summary><c>image</c>, <c>video</c> or <c>animation</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>Relative to the media base URL, e.g. <c>stretches/prone-lying.webp</c>.</summary>
    public string? Url { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    /// <summary>For a video or animation only.</summary>
    public int? DurationSeconds { get; init; }

    /// <summary>By language code (<c>en</c>, <c>es</c>, <c>de</c>): what the media shows.</summary>
    public IReadOnlyDictionary<string, string?>? AltText { get; init; }

    public static MediaEntry From(Model.MediaEntry model) => new()
    {
        Kind = model.Kind,
        Url = model.Url,
        Width = model.Width,
        Height = model.Height,
        DurationSeconds = model.DurationSeconds,
        AltText = model.AltText,
    };

    public Model.MediaEntry ToModel() => new()
    {
        Kind = Kind,
        Url = Url,
        Width = Width,
        Height = Height,
        DurationSeconds = DurationSeconds,
        AltText = AltText,
    };
}
