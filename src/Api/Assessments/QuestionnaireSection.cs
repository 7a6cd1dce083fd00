using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

public sealed record QuestionnaireSection(string Code, string Title, IReadOnlyList<QuestionnaireItem> Items)
{
    // JSON can put null where a list holds records; nulls travel as they are for the validator to name.
    public static QuestionnaireSection From(Model.QuestionnaireSection model) =>
        new(model.Code, model.Title, model.Items is null ? null! : [.. model.Items.Select(i => i is null ? null! : QuestionnaireItem.From(i))]);

    public Model.QuestionnaireSection ToModel() =>
        new(Code, Title, Items is null ? null! : [.. Items.Select(i => i?.ToModel()!)]);
}
