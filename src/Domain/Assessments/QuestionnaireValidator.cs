using SciaticaService.Domain.Content;

namespace SciaticaService.Domain.Assessments;

/// <summary>Checks a questionnaire definition: its structure, the item contract, and that its evidence names real content.</summary>
public static class QuestionnaireValidator
{
    public const string Section = "questionnaire";
    private const double MaxWeight = 5;

    /// <summary>How far a weight may sit from the log of the ratio it cites: rounding to two places.</summary>
    public const double RatioTolerance = 0.01;

    /// <param name="definition">The questionnaire to check.</param>
    /// <param name="conditions">Condition slugs that evidence and priors may name.</param>
    /// <param name="imbalances">Imbalance slugs that evidence and priors may name.</param>
    /// <param name="stored">True when checking the stored questionnaire against a content change, for the problem's path.</param>
    /// <param name="minimumContract">The oldest contract a new version may implement: the stored latest's, so partners never lose items.</param>
    /// <param name="reportAs">Where the problem is reported, when not the questionnaire of the document.</param>
    /// <param name="everyLanguage">
    /// True for a questionnaire being imported as the latest: people answer it, so it needs every language. Versions
    /// already stored and earlier versions from the history folder are kept as they were; their translations, if any,
    /// are still checked.
    /// </param>
    public static IReadOnlyList<ContentProblem> Validate(
        QuestionnaireDefinition definition, IReadOnlySet<string> conditions, IReadOnlySet<string> imbalances, bool stored = false,
        int minimumContract = 1, string? reportAs = null, bool everyLanguage = false)
    {
        var problems = new List<ContentProblem>();
        void Add(string field, string message) =>
            problems.Add(new ContentProblem(reportAs ?? (stored ? Section + " (stored)" : Section), null, null, field, message));

        // JSON can put null where a list holds records; nothing below may meet one.
        for (var s = 0; s < definition.Sections.Count; s++)
        {
            if (definition.Sections[s] is not { } section)
            {
                Add($"sections[{s}]", "The section is null.");
                continue;
            }

            for (var i = 0; i < section.Items.Count; i++)
            {
                if (section.Items[i] is not { } item)
                {
                    Add($"sections[{s}].items[{i}]", "The item is null.");
                    continue;
                }

                for (var o = 0; o < (item.Options?.Count ?? 0); o++)
                {
                    if (item.Options![o] is null)
                    {
                        Add($"sections[{s}].items[{i}].options[{o}]", "The option is null.");
                    }
                }

                for (var b = 0; b < (item.Bands?.Count ?? 0); b++)
                {
                    if (item.Bands![b] is null)
                    {
                        Add($"sections[{s}].items[{i}].bands[{b}]", "The band is null.");
                    }
                }
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        Text("title", definition.Title, ContentLimits.NameLength);
        Text("introduction", definition.Introduction, ContentLimits.TextLength);

        if (definition.CausePriors.Count < 2)
        {
            Add("causePriors", "Give a prior for at least two conditions: the causes to weigh.");
        }

        Weights("causePriors", definition.CausePriors, conditions, "condition");
        Weights("imbalancePriors", definition.ImbalancePriors, imbalances, "imbalance");
        // Sources came with contract 2; version 1 is kept as it was shipped, so that older apps can still answer it.
        var citesSources = definition.Contract >= 2;
        if (citesSources)
        {
            Sources("priorSources", definition.PriorSources,
                [.. definition.CausePriors.Select(p => (p.Key, p.Value)), .. definition.ImbalancePriors.Select(p => (p.Key, p.Value))]);
        }

        var contract = QuestionnaireContract.For(definition.Contract);
        if (contract is null)
        {
            Add("contract", $"There is no contract version {definition.Contract}; the latest is {QuestionnaireContract.Latest}.");
        }
        else if (definition.Contract < minimumContract)
        {
            Add("contract", $"The stored questionnaire implements contract {minimumContract}; a new version may not go back to {definition.Contract}, "
                + "or clients and partners relying on the newer items would lose them.");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        var sectionCodes = new HashSet<string>(StringComparer.Ordinal);
        var asked = new Dictionary<string, QuestionnaireItem>(StringComparer.Ordinal);

        // An app decides whether to show an item from the answers before it, so each condition must be one of those.
        void SkipWhen(string path, QuestionnaireItem item)
        {
            if (item.SkipWhen is not { } conditions)
            {
                return;
            }

            if (item.Required)
            {
                Add($"{path}.skipWhen", "A required item cannot be skipped; make it optional or drop skipWhen.");
            }

            if (conditions.Count == 0 || conditions.Count != conditions.Distinct(StringComparer.Ordinal).Count())
            {
                Add($"{path}.skipWhen", "List one or more item codes, each once.");
            }

            foreach (var code in conditions)
            {
                if (!asked.TryGetValue(code ?? "", out var earlier) || earlier.Type != AnswerType.Boolean)
                {
                    Add($"{path}.skipWhen", $"'{code}' is not a yes/no item asked before this one.");
                }
            }
        }

        for (var s = 0; s < definition.Sections.Count; s++)
        {
            var section = definition.Sections[s];
            var sectionPath = $"sections[{s}]";
            Code($"{sectionPath}.code", section.Code, sectionCodes);
            Text($"{sectionPath}.title", section.Title, ContentLimits.NameLength);
            for (var i = 0; i < section.Items.Count; i++)
            {
                SkipWhen($"{sectionPath}.items[{i}]", section.Items[i]);
                CheckItem($"{sectionPath}.items[{i}]", section.Items[i]);
                asked.TryAdd(section.Items[i].Code, section.Items[i]);
            }
        }

        var items = definition.Items.GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var spec in contract ?? [])
        {
            if (!items.TryGetValue(spec.Code, out var item))
            {
                Add("sections", $"The item '{spec.Code}' is part of the contract with clients and partners and must be asked.");
                continue;
            }

            if (item.Type != spec.Type)
            {
                Add(spec.Code, $"The item '{spec.Code}' must be of type {WireName.Of(spec.Type)}.");
            }

            if (spec.MustBeRequired && !item.Required)
            {
                Add(spec.Code, $"The item '{spec.Code}' must be required.");
            }

            if ((spec.Min, spec.Max) is ({ } min, { } max) && (item.Min, item.Max) != (min, max))
            {
                Add(spec.Code, $"The item '{spec.Code}' must range from {min} to {max}.");
            }

            if (spec.Options is { } options && !options.Order().SequenceEqual((item.Options ?? []).Select(o => o.Code).Order()))
            {
                Add(spec.Code, $"The item '{spec.Code}' must offer exactly: {string.Join(", ", options)}.");
            }
        }

        Translations();
        return problems;

        // Keyed by the English codes: a translation covers every text the English has, and nothing else.
        void Translations()
        {
            var translations = definition.Translations ?? new Dictionary<string, QuestionnaireText?>();
            foreach (var (code, text) in translations)
            {
                var path = $"translations.{code}";
                if (!WireName.TryParse<Language>(code, out var language) || language == LanguageNegotiation.Source)
                {
                    Add(path, $"'{code}' is not a translation language: use one of {string.Join(", ", LanguageNegotiation.All.Skip(1).Select(WireName.Of))}; English is the questionnaire's own fields.");
                    continue;
                }

                if (text is null)
                {
                    Add(path, "The translation is null.");
                    continue;
                }

                Text($"{path}.title", text.Title, ContentLimits.NameLength);
                Text($"{path}.introduction", text.Introduction, ContentLimits.TextLength);
                var sectionTitles = text.Sections ?? new Dictionary<string, string?>();
                var itemTexts = text.Items ?? new Dictionary<string, QuestionnaireItemText?>();
                foreach (var section in definition.Sections)
                {
                    Text($"{path}.sections.{section.Code}", sectionTitles.GetValueOrDefault(section.Code), ContentLimits.NameLength);
                    foreach (var item in section.Items)
                    {
                        TranslatedItem($"{path}.items.{item.Code}", item, itemTexts.GetValueOrDefault(item.Code));
                    }
                }

                foreach (var unknown in sectionTitles.Keys.Where(k => !definition.Sections.Any(s => s.Code == k)))
                {
                    Add($"{path}.sections.{unknown}", $"There is no section '{unknown}' to translate.");
                }

                foreach (var unknown in itemTexts.Keys.Where(k => !definition.Items.Any(i => i.Code == k)))
                {
                    Add($"{path}.items.{unknown}", $"There is no item '{unknown}' to translate.");
                }
            }

            if (everyLanguage)
            {
                foreach (var missing in LanguageNegotiation.All.Skip(1).Select(WireName.Of).Where(l => !translations.ContainsKey(l)))
                {
                    Add($"translations.{missing}", "The questionnaire people answer needs every language: add this translation.");
                }
            }
        }

        void TranslatedItem(string path, QuestionnaireItem item, QuestionnaireItemText? text)
        {
            if (text is null)
            {
                Add(path, "Translate this item: its text, its help when it has one, and every option's label.");
                return;
            }

            Text($"{path}.text", text.Text, ContentLimits.TextLength);
            if (item.Help is not null)
            {
                Text($"{path}.help", text.Help, ContentLimits.TextLength);
            }
            else if (text.Help is not null)
            {
                Add($"{path}.help", "The English item has no help text to translate.");
            }

            var labels = text.Options ?? new Dictionary<string, string?>();
            foreach (var option in item.Options ?? [])
            {
                Text($"{path}.options.{option.Code}", labels.GetValueOrDefault(option.Code), ContentLimits.NameLength);
            }

            foreach (var unknown in labels.Keys.Where(k => !(item.Options ?? []).Any(o => o.Code == k)))
            {
                Add($"{path}.options.{unknown}", $"The item has no option '{unknown}' to translate.");
            }
        }

        void CheckItem(string path, QuestionnaireItem item)
        {
            Code($"{path}.code", item.Code, codes);
            Text($"{path}.text", item.Text, ContentLimits.TextLength);
            if (item.Help is not null)
            {
                Text($"{path}.help", item.Help, ContentLimits.TextLength);
            }

            var options = item.Options ?? [];
            switch (item.Type)
            {
                case AnswerType.Boolean when !options.Select(o => o.Code).Order().SequenceEqual(["false", "true"]):
                    Add($"{path}.options", "A yes/no item has exactly the options 'true' and 'false'.");
                    break;
                case AnswerType.Choice when options.Count < 2 || options.Select(o => o.Code).Distinct().Count() != options.Count:
                    Add($"{path}.options", "A choice item has at least two options with distinct codes.");
                    break;
                case AnswerType.Integer when item.Min is null || item.Max is null || item.Min > item.Max:
                    Add($"{path}.min", "A number item has a min no greater than its max.");
                    break;
                case AnswerType.Integer when options.Count > 0:
                    Add($"{path}.options", "A number item carries evidence in bands, not options.");
                    break;
            }

            for (var o = 0; o < options.Count; o++)
            {
                Text($"{path}.options[{o}].label", options[o].Label, ContentLimits.NameLength);
                Evidence($"{path}.options[{o}].evidence", options[o].Evidence);
            }

            var bands = item.Bands ?? [];
            if (bands.Count > 0 && item.Type != AnswerType.Integer)
            {
                Add($"{path}.bands", "Only number items have bands.");
            }

            for (var b = 0; b < bands.Count; b++)
            {
                var band = bands[b];
                if (band.Min > band.Max || band.Min < item.Min || band.Max > item.Max)
                {
                    Add($"{path}.bands[{b}]", $"A band lies within {item.Min} to {item.Max}, with min no greater than max.");
                }

                if (bands.Take(b).Any(other => other.Min <= band.Max && band.Min <= other.Max))
                {
                    Add($"{path}.bands[{b}]", "Bands must not overlap.");
                }

                Evidence($"{path}.bands[{b}].evidence", band.Evidence);
            }
        }

        void Evidence(string path, Evidence? evidence)
        {
            if (evidence is null)
            {
                return;
            }

            var causes = evidence.Causes ?? new Dictionary<string, double>();
            var imbalanceWeights = evidence.Imbalances ?? new Dictionary<string, double>();
            Weights($"{path}.causes", causes, conditions, "condition");
            Weights($"{path}.imbalances", imbalanceWeights, imbalances, "imbalance");
            foreach (var slug in causes.Keys.Intersect(imbalanceWeights.Keys, StringComparer.Ordinal))
            {
                Add($"{path}.imbalances.{slug}", $"'{slug}' is weighed both as a cause and as an imbalance; its source could not say which.");
            }

            if (citesSources)
            {
                Sources($"{path}.sources", evidence.Sources,
                    [.. causes.Select(p => (p.Key, p.Value)), .. imbalanceWeights.Select(p => (p.Key, p.Value))]);
            }
        }

        // Every weight says where it comes from; one that cites a likelihood ratio is that ratio's natural log.
        void Sources(string path, IReadOnlyDictionary<string, WeightSource>? sources, IReadOnlyList<(string Slug, double Weight)> weights)
        {
            sources ??= new Dictionary<string, WeightSource>();
            foreach (var (slug, weight) in weights)
            {
                if (!sources.TryGetValue(slug, out var source) || source is null)
                {
                    Add($"{path}.{slug}", "Say where this weight comes from: a citation, with the likelihood ratio when one is published.");
                    continue;
                }

                Text($"{path}.{slug}.citation", source.Citation, ContentLimits.ListItemLength);
                if (source.Ratio is { } ratio && (!double.IsFinite(ratio) || ratio <= 0 || Math.Abs(Math.Log(ratio) - weight) > RatioTolerance))
                {
                    Add($"{path}.{slug}.ratio", $"A weight that cites a likelihood ratio is its natural log: ln({ratio}) is {(ratio > 0 ? Math.Log(ratio).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "undefined")}, not {weight}.");
                }
            }

            foreach (var slug in sources.Keys.Where(slug => !weights.Any(w => w.Slug == slug)))
            {
                Add($"{path}.{slug}", $"A source for '{slug}', which this evidence does not weigh.");
            }
        }

        void Weights(string path, IReadOnlyDictionary<string, double> weights, IReadOnlySet<string> known, string kind)
        {
            foreach (var (slug, weight) in weights)
            {
                if (!known.Contains(slug))
                {
                    Add($"{path}.{slug}", $"There is no {kind} '{slug}'.");
                }

                if (!double.IsFinite(weight) || Math.Abs(weight) > MaxWeight)
                {
                    Add($"{path}.{slug}", $"A weight is a natural-log likelihood ratio between -{MaxWeight} and {MaxWeight}.");
                }
            }
        }

        void Code(string path, string code, HashSet<string> seen)
        {
            if (code is not { Length: > 0 and <= 64 } || !char.IsAsciiLetterLower(code[0]) || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                Add(path, "A code is lowercase letters, digits and underscores, starting with a letter, at most 64 characters.");
            }
            else if (!seen.Add(code))
            {
                Add(path, $"The code '{code}' is used twice.");
            }
        }

        void Text(string path, string? text, int max)
        {
            if (string.IsNullOrWhiteSpace(text) || text.Length > max)
            {
                Add(path, $"Text of 1 to {max} characters is required.");
            }
        }
    }
}
