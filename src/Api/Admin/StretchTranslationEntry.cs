using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

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

    public static StretchTranslationEntry From(Model.StretchTranslationEntry model) => new()
    {
        Name = model.Name,
        Summary = model.Summary,
        Instructions = model.Instructions,
        Cautions = model.Cautions,
        Contraindications = model.Contraindications is null ? null : [.. model.Contraindications.Select(e => e is null ? null : ContraindicationEntry.From(e))],
        Precautions = model.Precautions is null ? null : [.. model.Precautions.Select(e => e is null ? null : PrecautionEntry.From(e))],
    };

    public Model.StretchTranslationEntry ToModel() => new()
    {
        Name = Name,
        Summary = Summary,
        Instructions = Instructions,
        Cautions = Cautions,
        Contraindications = Contraindications is null ? null : [.. Contraindications.Select(e => e is null ? null : e.ToModel())],
        Precautions = Precautions is null ? null : [.. Precautions.Select(e => e is null ? null : e.ToModel())],
    };
}
