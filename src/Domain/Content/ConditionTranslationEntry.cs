namespace SciaticaService.Domain.Content;

/// <summary>A condition's text in a language other than English, in the content exchange format.</summary>
public sealed record ConditionTranslationEntry
{
    public string? Name { get; init; }

    public string? Summary { get; init; }

    public string? NerveCompression { get; init; }

    public IReadOnlyList<string?>? Signs { get; init; }

    public string? TypicallyAffects { get; init; }
}
