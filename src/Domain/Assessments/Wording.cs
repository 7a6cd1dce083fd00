using SciaticaService.Domain.Content;

namespace SciaticaService.Domain.Assessments;

/// <summary>
/// One text the service writes itself (advice, summaries, reasons), in every language: the constructor takes all
/// three, so a new text cannot be added in English only. Placeholders such as <c>{0}</c> are filled by the caller.
/// </summary>
public sealed record Wording(string En, string Es, string De)
{
    public string In(Language language) => language switch
    {
        Language.Es => Es,
        Language.De => De,
        _ => En,
    };

    public string Format(Language language, params object[] values) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, In(language), values);
}
