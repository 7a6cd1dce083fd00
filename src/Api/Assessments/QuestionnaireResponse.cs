using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

/// <summary>A questionnaire version.</summary>
/// <param name="Version">Assessments record the version they answered.</param>
/// <param name="Contract">The item contract it implements: which item codes it asks (2 is the latest).</param>
/// <param name="Title">Shown at the top.</param>
/// <param name="Introduction">Shown first.</param>
/// <param name="CausePriors">Starting log-odds per condition slug.</param>
/// <param name="ImbalancePriors">Starting log-odds per imbalance slug.</param>
/// <param name="Sections">Sections of items, in order; each answer option carries its evidence weights and their sources.</param>
/// <param name="PriorSources">Where each prior comes from.</param>
public sealed record QuestionnaireResponse(
    int Version,
    int Contract,
    string Title,
    string Introduction,
    IReadOnlyDictionary<string, double> CausePriors,
    IReadOnlyDictionary<string, double> ImbalancePriors,
    IReadOnlyList<QuestionnaireSection> Sections,
    IReadOnlyDictionary<string, WeightSource>? PriorSources)
{
    /// <summary>The questionnaire with its texts in <paramref name="language"/>, which it has (see <see cref="Model.QuestionnaireDefinition.ShownIn"/>).</summary>
    public static QuestionnaireResponse From(Model.Questionnaire q, SciaticaService.Domain.Content.Language language)
    {
        var d = q.Definition.In(language);
        return new(
            q.Version, d.Contract, d.Title, d.Introduction, d.CausePriors, d.ImbalancePriors,
            [.. d.Sections.Select(QuestionnaireSection.From)], WeightSource.From(d.PriorSources));
    }
}
