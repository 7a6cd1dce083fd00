namespace SciaticaService.Domain.Content;

/// <summary>What kind of file a stretch's media reference points to.</summary>
public enum MediaKind
{
    /// <summary>A still picture: width and height, no duration.</summary>
    Image,

    /// <summary>A video with sound or without: width, height and duration.</summary>
    Video,

    /// <summary>A short looping animation: width, height and duration of one loop.</summary>
    Animation,
}
