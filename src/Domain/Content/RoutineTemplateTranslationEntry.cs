namespace SciaticaService.Domain.Content;

/// <summary>A routine template's text in a language other than English, in the content exchange format.</summary>
public sealed record RoutineTemplateTranslationEntry
{
    public string? Name { get; init; }

    public string? Summary { get; init; }
}
