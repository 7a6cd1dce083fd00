using System.Text.Json;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Serialization;

namespace SciaticaService.Infrastructure.Content;

/// <summary>
/// How a stretch's media are kept in its <c>media</c> jsonb column: a shape of the store's own with a version, so that
/// renaming a Domain property neither changes stored rows nor makes them unreadable.
/// </summary>
internal static class StoredStretchMedia
{
    public const int Current = 1;

    /// <summary>What the migration gave stretches stored before media existed.</summary>
    public const string Empty = """{"v":1,"media":[]}""";

    public static string Write(IReadOnlyList<StretchMedia> media) => JsonSerializer.Serialize(
        new Envelope(Current, [.. media.Select(m => new Item(
            WireName.Of(m.Kind), m.Url, m.Width, m.Height, m.DurationSeconds, m.AltText.OrderBy(a => a.Key).ToDictionary(a => WireName.Of(a.Key), a => a.Value)))]),
        SciaticaJson.Options);

    public static IReadOnlyList<StretchMedia> Read(string json)
    {
        var stored = JsonSerializer.Deserialize<Envelope>(json, SciaticaJson.Options) ?? throw new InvalidOperationException("Stored media are null.");
        if (stored.V != Current)
        {
            throw new InvalidOperationException($"Stored media have shape version {stored.V}; this build reads version {Current}.");
        }

        return [.. stored.Media.Select(m => new StretchMedia(
            WireName.TryParse<MediaKind>(m.Kind, out var kind) ? kind : throw new InvalidOperationException($"Stored media have the unknown kind '{m.Kind}'."),
            m.Url,
            m.Width,
            m.Height,
            m.DurationSeconds,
            m.AltText.ToDictionary(
                a => WireName.TryParse<Language>(a.Key, out var language) ? language : throw new InvalidOperationException($"Stored alt text is in the unknown language '{a.Key}'."),
                a => a.Value)))];
    }

    private sealed record Envelope(int V, IReadOnlyList<Item> Media);

    private sealed record Item(string Kind, string Url, int Width, int Height, int? DurationSeconds, Dictionary<string, string> AltText);
}
