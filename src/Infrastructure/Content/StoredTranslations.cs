using System.Text.Json;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Serialization;

namespace SciaticaService.Infrastructure.Content;

/// <summary>
/// How an entry's translations are kept in its <c>translations</c> jsonb column: <c>{"v":1,"texts":{"es":{...}}}</c>,
/// with a shape version so that a later shape can still read rows written in this one.
/// </summary>
internal static class StoredTranslations
{
    public const int Current = 1;

    /// <summary>What a row holds before any translation is stored, and what the migration gave existing rows.</summary>
    public const string Empty = """{"v":1,"texts":{}}""";

    public static string Write<T>(IReadOnlyDictionary<Language, T> texts) => JsonSerializer.Serialize(
        new Envelope<T>(Current, texts.OrderBy(t => t.Key).ToDictionary(t => WireName.Of(t.Key), t => t.Value)), SciaticaJson.Options);

    public static IReadOnlyDictionary<Language, T> Read<T>(string json)
    {
        var stored = JsonSerializer.Deserialize<Envelope<T>>(json, SciaticaJson.Options) ?? throw new InvalidOperationException("Stored translations are null.");
        if (stored.V != Current)
        {
            throw new InvalidOperationException($"Stored translations have shape version {stored.V}; this build reads version {Current}.");
        }

        return stored.Texts.ToDictionary(
            t => WireName.TryParse<Language>(t.Key, out var language) ? language : throw new InvalidOperationException($"A translation is stored in the unknown language '{t.Key}'."),
            t => t.Value);
    }

    private sealed record Envelope<T>(int V, Dictionary<string, T> Texts);
}
