namespace SciaticaService.Domain.Content;

/// <summary>
/// A stretch's text in a language other than English, in the content exchange format: the contraindications and
/// precautions list the same conditions and screens as the English entry, with their reasons translated.
/// </summary>
public sealed record StretchTranslationEntry
{
    public string? Name { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string?>? Instructions { get; init; }

    public IReadOnlyList<string?>? Cautions { get; init; }

    public IReadOnlyList<ContraindicationEntry?>? Contraindications { get; init; }

    public IReadOnlyList<PrecautionEntry?>? Precautions { get; init; }
}
