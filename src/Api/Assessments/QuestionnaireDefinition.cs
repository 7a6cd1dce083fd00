using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

/// <summary>
/// The assessment questionnaire as content: sections of items, each answer carrying its evidence towards causes
/// and imbalances as natural-log likelihood ratios. Versioned: a change makes a new version and stored assessments
/// keep theirs.
/// </summary>
/// <param name="Title">Shown at the top.</param>
/// <param name="Introduction">Shown before the first section, including that this is not a diagnosis.</param>
/// <param name="CausePriors">Starting log-odds per condition slug, before any answer.</param>
/// <param name="ImbalancePriors">Starting log-odds per imbalance slug that the imbalance is present.</param>
/// <param name="Sections">The sections, in order.</param>
/// <param name="Contract">The <see cref="Domain.Assessments.QuestionnaireContract"/> version whose items it asks; 1 when not said (the first).</param>
/// <param name="PriorSources">Where each prior comes from, by condition or imbalance slug.</param>
/// <param name="Translations">
/// Its text in the languages other than English, by language code (<c>es</c>, <c>de</c>). A questionnaire imported as
/// the latest has every language; versions stored before translations existed have none and are shown in English.
/// </param>
public sealed record QuestionnaireDefinition(
    string Title,
    string Introduction,
    IReadOnlyDictionary<string, double> CausePriors,
    IReadOnlyDictionary<string, double> ImbalancePriors,
    IReadOnlyList<QuestionnaireSection> Sections,
    int Contract = 1,
    IReadOnlyDictionary<string, WeightSource>? PriorSources = null,
    IReadOnlyDictionary<string, QuestionnaireText?>? Translations = null)
{
    // Every item, written out (read-only) as the admin content export always has: the contract documents it.
    public IEnumerable<QuestionnaireItem> Items => Sections.SelectMany(s => s.Items);

    // JSON can put null where a list holds records; nulls travel as they are for the validator to name.
    public static QuestionnaireDefinition From(Model.QuestionnaireDefinition model) => new(
        model.Title,
        model.Introduction,
        model.CausePriors,
        model.ImbalancePriors,
        model.Sections is null ? null! : [.. model.Sections.Select(s => s is null ? null! : QuestionnaireSection.From(s))],
        model.Contract,
        WeightSource.From(model.PriorSources),
        model.Translations?.ToDictionary(p => p.Key, p => p.Value is null ? null : QuestionnaireText.From(p.Value)));

    public Model.QuestionnaireDefinition ToModel() => new(
        Title,
        Introduction,
        CausePriors,
        ImbalancePriors,
        Sections is null ? null! : [.. Sections.Select(s => s?.ToModel()!)],
        Contract,
        WeightSource.ToModel(PriorSources),
        Translations?.ToDictionary(p => p.Key, p => p.Value?.ToModel()));
}
