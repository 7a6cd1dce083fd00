namespace SciaticaService.Domain.Assessments;

/// <summary>The kinds of answer an item takes.</summary>
public enum AnswerType
{
    /// <summary>JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number between the item's <c>min</c> and <c>max</c>.</summary>
#pragma warning disable CA1720 // "integer" is the wire name, as in JSON Schema
    Integer,
#pragma warning restore CA1720

    /// <summary>One of the item's option codes.</summary>
    Choice,
}

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

public sealed record QuestionnaireSection(string Code, string Title, IReadOnlyList<QuestionnaireItem> Items);

/// <param name="Code">The stable item code clients and partners key on.</param>
/// <param name="Text">The question, in plain words.</param>
/// <param name="Type">The kind of answer.</param>
/// <param name="Required">Whether a submission must answer it.</param>
/// <param name="Help">Optional extra explanation.</param>
/// <param name="Min">Smallest allowed value, for integer items.</param>
/// <param name="Max">Largest allowed value, for integer items.</param>
/// <param name="Options">For boolean items the options <c>true</c> and <c>false</c>; for choice items every choice.</param>
/// <param name="Bands">For integer items: value ranges that carry evidence (e.g. age bands).</param>
public sealed record QuestionnaireItem(
    string Code,
    string Text,
    AnswerType Type,
    bool Required,
    string? Help = null,
    int? Min = null,
    int? Max = null,
    IReadOnlyList<AnswerOption>? Options = null,
    IReadOnlyList<ValueBand>? Bands = null);

/// <param name="Code"><c>true</c>/<c>false</c> for boolean items, the choice code for choice items.</param>
/// <param name="Label">What the person sees.</param>
/// <param name="Evidence">What choosing it says about causes and imbalances.</param>
public sealed record AnswerOption(string Code, string Label, Evidence? Evidence = null);

/// <summary>A range of an integer item's values, inclusive, with the evidence it carries.</summary>
public sealed record ValueBand(int Min, int Max, Evidence Evidence);

/// <summary>Natural-log likelihood ratios: positive raises, negative lowers. Keys are condition or imbalance slugs.</summary>
/// <param name="Causes">Weights by condition slug.</param>
/// <param name="Imbalances">Weights by imbalance slug.</param>
/// <param name="Sources">Where each weight comes from, by the slug it weighs.</param>
public sealed record Evidence(
    IReadOnlyDictionary<string, double>? Causes = null,
    IReadOnlyDictionary<string, double>? Imbalances = null,
    IReadOnlyDictionary<string, WeightSource>? Sources = null);

/// <summary>Where a weight comes from.</summary>
/// <param name="Citation">The publication and the sign it measured, or why the weight is set by hand.</param>
/// <param name="Ratio">The published likelihood ratio the weight is the natural log of; null for a weight set by hand.</param>
public sealed record WeightSource(string Citation, double? Ratio = null);

/// <summary>A stored version of the questionnaire.</summary>
public sealed record Questionnaire(int Version, QuestionnaireDefinition Definition);
