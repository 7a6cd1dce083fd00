using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

/// <summary>Where a weight comes from.</summary>
/// <param name="Citation">The publication and the sign it measured, or why the weight is set by hand.</param>
/// <param name="Ratio">The published likelihood ratio the weight is the natural log of; null for a weight set by hand.</param>
public sealed record WeightSource(string Citation, double? Ratio = null)
{
    public static WeightSource From(Model.WeightSource model) => new(model.Citation, model.Ratio);

    public Model.WeightSource ToModel() => new(Citation, Ratio);

    // Sources are keyed by slug; a null value (possible in untrusted input) travels as it is for the validator to name.
    internal static IReadOnlyDictionary<string, WeightSource>? From(IReadOnlyDictionary<string, Model.WeightSource>? model) =>
        model?.ToDictionary(p => p.Key, p => p.Value is null ? null! : From(p.Value));

    internal static IReadOnlyDictionary<string, Model.WeightSource>? ToModel(IReadOnlyDictionary<string, WeightSource>? wire) =>
        wire?.ToDictionary(p => p.Key, p => p.Value is null ? null! : p.Value.ToModel());
}
