namespace SciaticaService.Domain.Content;

public sealed record StretchEntry
{
    public string? Slug { get; init; }

    /// <summary><c>published</c> (the default) or <c>draft</c>.</summary>
    public string? Status { get; init; }

    public string? Name { get; init; }

    /// <summary><c>stretch</c>, <c>strengthening</c>, <c>mobility</c> or <c>nerve_glide</c>.</summary>
    public string? Kind { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string?>? Instructions { get; init; }

    public int? HoldSeconds { get; init; }

    public int? Repetitions { get; init; }

    /// <summary><c>each_side</c>, <c>both_together</c> or <c>affected_side</c>.</summary>
    public string? Sides { get; init; }

    public int? Difficulty { get; init; }

    /// <summary><c>flexion</c>, <c>extension</c> or <c>neutral</c>.</summary>
    public string? Bias { get; init; }

    public IReadOnlyList<string?>? TargetMuscles { get; init; }

    public IReadOnlyList<string?>? IndicatedFor { get; init; }

    public IReadOnlyList<ContraindicationEntry?>? Contraindications { get; init; }

    /// <summary>Screens that rule it out whatever the cause: <c>osteoporosis</c>, <c>hip_replacement</c>, <c>pregnancy</c>.</summary>
    public IReadOnlyList<PrecautionEntry?>? Precautions { get; init; }

    public IReadOnlyList<string?>? Cautions { get; init; }

    public string? EasierVariant { get; init; }

    public string? HarderVariant { get; init; }

    /// <summary>Pictures, videos or animations that show it: a published stretch has at least one.</summary>
    public IReadOnlyList<MediaEntry?>? Media { get; init; }

    /// <summary>By language code (<c>es</c>, <c>de</c>): a published entry has every language.</summary>
    public IReadOnlyDictionary<string, StretchTranslationEntry?>? Translations { get; init; }
}
