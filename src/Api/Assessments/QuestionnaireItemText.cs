using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

/// <summary>One item's text in a language other than English.</summary>
/// <param name="Text">The question.</param>
/// <param name="Help">The extra explanation: present exactly when the English item has one.</param>
/// <param name="Options">Each option's label, by option code (<c>true</c>/<c>false</c> for yes/no items).</param>
public sealed record QuestionnaireItemText(string? Text = null, string? Help = null, IReadOnlyDictionary<string, string?>? Options = null)
{
    public static QuestionnaireItemText From(Model.QuestionnaireItemText model) => new(model.Text, model.Help, model.Options);

    public Model.QuestionnaireItemText ToModel() => new(Text, Help, Options);
}
