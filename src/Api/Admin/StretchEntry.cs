using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

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

    public static StretchEntry From(Model.StretchEntry model) => new()
    {
        Slug = model.Slug,
        Status = model.Status,
        Name = model.Name,
        Kind = model.Kind,
        Summary = model.Summary,
        Instructions = model.Instructions,
        HoldSeconds = model.HoldSeconds,
        Repetitions = model.Repetitions,
        Sides = model.Sides,
        Difficulty = model.Difficulty,
        Bias = model.Bias,
        TargetMuscles = model.TargetMuscles,
        IndicatedFor = model.IndicatedFor,
        Contraindications = model.Contraindications is null ? null : [.. model.Contraindications.Select(e => e is null ? null : ContraindicationEntry.From(e))],
        Precautions = model.Precautions is null ? null : [.. model.Precautions.Select(e => e is null ? null : PrecautionEntry.From(e))],
        Cautions = model.Cautions,
        EasierVariant = model.EasierVariant,
        HarderVariant = model.HarderVariant,
        Media = model.Media is null ? null : [.. model.Media.Select(e => e is null ? null : MediaEntry.From(e))],
        Translations = model.Translations?.ToDictionary(p => p.Key, p => p.Value is null ? null : StretchTranslationEntry.From(p.Value)),
    };

    public Model.StretchEntry ToModel() => new()
    {
        Slug = Slug,
        Status = Status,
        Name = Name,
        Kind = Kind,
        Summary = Summary,
        Instructions = Instructions,
        HoldSeconds = HoldSeconds,
        Repetitions = Repetitions,
        Sides = Sides,
        Difficulty = Difficulty,
        Bias = Bias,
        TargetMuscles = TargetMuscles,
        IndicatedFor = IndicatedFor,
        Contraindications = Contraindications is null ? null : [.. Contraindications.Select(e => e is null ? null : e.ToModel())],
        Precautions = Precautions is null ? null : [.. Precautions.Select(e => e is null ? null : e.ToModel())],
        Cautions = Cautions,
        EasierVariant = EasierVariant,
        HarderVariant = HarderVariant,
        Media = Media is null ? null : [.. Media.Select(e => e is null ? null : e.ToModel())],
        Translations = Translations?.ToDictionary(p => p.Key, p => p.Value is null ? null : p.Value.ToModel()),
    };
}
