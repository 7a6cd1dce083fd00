namespace SciaticaService.Domain.Content;

/// <summary>A lesson in the content exchange format: English at the top level, other languages under <c>translations</c>.</summary>
public sealed record LessonEntry
{
    public string? Slug { get; init; }

    /// <summary><c>published</c> (the default) or <c>draft</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Where it comes in the list: lower first.</summary>
    public int? Position { get; init; }

    /// <summary>Slugs of the causes it explains.</summary>
    public IReadOnlyList<string?>? Conditions { get; init; }

    /// <summary>Triage levels it is for: <c>self_care</c>, <c>see_gp</c>, <c>urgent</c>, <c>emergency</c>.</summary>
    public IReadOnlyList<string?>? Triage { get; init; }

    public string? Title { get; init; }

    public string? Summary { get; init; }

    /// <summary>Paragraphs, in order.</summary>
    public IReadOnlyList<string?>? Body { get; init; }

    /// <summary>By language code (<c>es</c>, <c>de</c>): a published lesson has every language.</summary>
    public IReadOnlyDictionary<string, LessonTranslationEntry?>? Translations { get; init; }
}
