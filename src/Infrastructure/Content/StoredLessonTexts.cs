using System.Text.Json;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Serialization;

namespace SciaticaService.Infrastructure.Content;

/// <summary>
/// How a lesson's texts are kept in its jsonb column: a shape of the store's own, with a version, so that renaming
/// a Domain property neither changes stored rows nor makes them unreadable. A new shape gets a new version and a
/// reader for every earlier one.
/// </summary>
/// <param name="V">The shape's version; 1 is the only one so far.</param>
/// <param name="Texts">By language code (<c>en</c>, <c>es</c>, <c>de</c>).</param>
internal sealed record StoredLessonTexts(int V, IReadOnlyDictionary<string, StoredLessonTexts.Text> Texts)
{
    public const int Current = 1;

    public static string Write(IReadOnlyDictionary<Language, LessonText> texts) => JsonSerializer.Serialize(
        new StoredLessonTexts(Current, texts.OrderBy(t => t.Key).ToDictionary(t => WireName.Of(t.Key), t => new Text(t.Value.Title, t.Value.Summary, t.Value.Body))),
        SciaticaJson.Options);

    public static IReadOnlyDictionary<Language, LessonText> Read(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredLessonTexts>(json, SciaticaJson.Options)
            ?? throw new InvalidOperationException("A lesson's stored texts are null.");
        if (stored.V != Current)
        {
            throw new InvalidOperationException($"A lesson's stored texts have shape version {stored.V}; this build reads version {Current}.");
        }

        return stored.Texts.ToDictionary(
            t => WireName.TryParse<Language>(t.Key, out var language) ? language : throw new InvalidOperationException($"A lesson is stored in the unknown language '{t.Key}'."),
            t => new LessonText(t.Value.Title, t.Value.Summary, t.Value.Body));
    }

    /// <summary>One language's text.</summary>
    public sealed record Text(string Title, string Summary, IReadOnlyList<string> Body);
}
