namespace SciaticaService.Domain.Content;

public sealed record ImbalanceEntry
{
    public string? Slug { get; init; }

    /// <summary><c>published</c> (the default) or <c>draft</c>.</summary>
    public string? Status { get; init; }

    public string? Name { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string?>? TightMuscles { get; init; }

    public IReadOnlyList<string?>? WeakMuscles { get; init; }

    public string? PosturalEffect { get; init; }

    public SelfCheckEntry? SelfCheck { get; init; }

    public IReadOnlyList<string?>? FeedsConditions { get; init; }

    /// <summary>By language code (<c>es</c>, <c>de</c>): a published entry has every language.</summary>
    public IReadOnlyDictionary<string, ImbalanceTranslationEntry?>? Translations { get; init; }
}
