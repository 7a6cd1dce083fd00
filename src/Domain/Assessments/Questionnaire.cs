namespace SciaticaService.Domain.Assessments;

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
/// <param name="Contract">The <see cref="QuestionnaireContract"/> version whose items it asks; 1 when not said (the first).</param>
/// <param name="PriorSources">Where each prior comes from, by condition or imbalance slug.</param>
public sealed record QuestionnaireDefinition(
    string Title,
    string Introduction,
    IReadOnlyDictionary<string, double> CausePriors,
    IReadOnlyDictionary<string, double> ImbalancePriors,
    IReadOnlyList<QuestionnaireSection> Sections,
    int Contract = 1,
    IReadOnlyDictionary<string, WeightSource>? PriorSources = null)
{
    public IEnumerable<QuestionnaireItem> Items => Sections.SelectMany(s => s.Items);
}

/// <summary>A stored version of the questionnaire.</summary>
public sealed record Questionnaire(int Version, QuestionnaireDefinition Definition);
