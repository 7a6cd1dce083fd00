using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

/// <param name="Code"><c>true</c>/<c>false</c> for boolean items, the choice code for choice items.</param>
/// <param name="Label">What the person sees.</param>
/// <param name="Evidence">What choosing it says about causes and imbalances.</param>
public sealed record AnswerOption(string Code, string Label, Evidence? Evidence = null)
{
    public static AnswerOption From(Model.AnswerOption model) =>
        new(model.Code, model.Label, model.Evidence is null ? null : Evidence.From(model.Evidence));

    public Model.AnswerOption ToModel() => new(Code, Label, Evidence?.ToModel());
}
