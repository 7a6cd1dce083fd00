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
    public IEnumerable<QuestionnaireItem> Items => Sections.SelectMany(s => s.Items);

    /// <summary>Whether it can be shown in <paramref name="language"/>: English always, another when translated.</summary>
    public bool Has(Content.Language language) =>
        language == Content.LanguageNegotiation.Source || Translations?.GetValueOrDefault(Content.WireName.Of(language)) is not null;

    /// <summary>The language it is shown in when <paramref name="language"/> is asked for: that one when it has it, else English.</summary>
    public Content.Language ShownIn(Content.Language language) => Has(language) ? language : Content.LanguageNegotiation.Source;

    /// <summary>
    /// A copy whose texts are in <paramref name="language"/> (see <see cref="ShownIn"/>); codes, types, weights and
    /// sources stay as they are. A text the translation lacks (only in versions stored unchecked) stays English.
    /// </summary>
    public QuestionnaireDefinition In(Content.Language language)
    {
        if (language == Content.LanguageNegotiation.Source || Translations?.GetValueOrDefault(Content.WireName.Of(language)) is not { } text)
        {
            return this;
        }

        return this with
        {
            Title = text.Title ?? Title,
            Introduction = text.Introduction ?? Introduction,
            Sections =
            [
                .. Sections.Select(section => section with
                {
                    Title = text.Sections?.GetValueOrDefault(section.Code) ?? section.Title,
                    Items = [.. section.Items.Select(item => Translate(item, text.Items?.GetValueOrDefault(item.Code)))],
                }),
            ],
        };

        static QuestionnaireItem Translate(QuestionnaireItem item, QuestionnaireItemText? text) => text is null ? item : item with
        {
            Text = text.Text ?? item.Text,
            Help = item.Help is null ? null : text.Help ?? item.Help,
            Options = item.Options?.Select(o => o with { Label = text.Options?.GetValueOrDefault(o.Code) ?? o.Label }).ToList(),
        };
    }
}

/// <summary>A stored version of the questionnaire.</summary>
public sealed record Questionnaire(int Version, QuestionnaireDefinition Definition);
