using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

/// <summary>
/// What a person reads of a questionnaire, in one language other than English (whose text the questionnaire's own
/// fields hold), keyed by the stable section, item and option codes. Read from content files as it is, so every
/// member may be missing; <see cref="Domain.Assessments.QuestionnaireValidator"/> says what is.
/// </summary>
/// <param name="Title">The questionnaire's title.</param>
/// <param name="Introduction">Its introduction.</param>
/// <param name="Sections">Each section's title, by section code.</param>
/// <param name="Items">Each item's text, help and option labels, by item code.</param>
public sealed record QuestionnaireText(
    string? Title = null,
    string? Introduction = null,
    IReadOnlyDictionary<string, string?>? Sections = null,
    IReadOnlyDictionary<string, QuestionnaireItemText?>? Items = null)
{
    public static QuestionnaireText From(Model.QuestionnaireText model) => new(
        model.Title,
        model.Introduction,
        model.Sections,
        model.Items?.ToDictionary(p => p.Key, p => p.Value is null ? null : QuestionnaireItemText.From(p.Value)));

    public Model.QuestionnaireText ToModel() => new(
        Title,
        Introduction,
        Sections,
        Items?.ToDictionary(p => p.Key, p => p.Value?.ToModel()));
}
