namespace SciaticaService.Domain.Content;

/// <summary>An imbalance's text in a language other than English, in the content exchange format.</summary>
public sealed record ImbalanceTranslationEntry
{
    public string? Name { get; init; }

    public string? Summary { get; init; }

    public string? PosturalEffect { get; init; }

    public SelfCheckEntry? SelfCheck { get; init; }
}
