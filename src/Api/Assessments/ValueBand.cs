using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

/// <summary>A range of an integer item's values, inclusive, with the evidence it carries.</summary>
public sealed record ValueBand(int Min, int Max, Evidence Evidence)
{
    // Evidence can be null in content read without nullable checks; it travels as it is for the validator to name.
    public static ValueBand From(Model.ValueBand model) =>
        new(model.Min, model.Max, model.Evidence is null ? null! : Evidence.From(model.Evidence));

    public Model.ValueBand ToModel() => new(Min, Max, Evidence?.ToModel()!);
}
