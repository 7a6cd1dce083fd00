namespace SciaticaService.Domain.Content;

/// <summary>A lesson's text in a language other than English.</summary>
public sealed record LessonTranslationEntry
{
    public string? Title { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string?>? Body { get; init; }
}
