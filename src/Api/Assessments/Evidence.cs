using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

/// <summary>Natural-log likelihood ratios: positive raises, negative lowers. Keys are condition or imbalance slugs.</summary>
/// <param name="Causes">Weights by condition slug.</param>
/// <param name="Imbalances">Weights by imbalance slug.</param>
/// <param name="Sources">Where each weight comes from, by the slug it weighs.</param>
public sealed record Evidence(
    IReadOnlyDictionary<string, double>? Causes = null,
    IReadOnlyDictionary<string, double>? Imbalances = null,
    IReadOnlyDictionary<string, WeightSource>? Sources = null)
{
    public static Evidence From(Model.Evidence model) => new(model.Causes, model.Imbalances, WeightSource.From(model.Sources));

    public Model.Evidence ToModel() => new(Causes, Imbalances, WeightSource.ToModel(Sources));
}
