namespace SciaticaService.Domain.Content;

/// <summary>Reads a stretch entry of a content document (its media and translations too), reporting every problem.</summary>
internal static class StretchValidator
{
    public static Stretch? ToStretch(
        EntryScope scope, StretchEntry entry, HashSet<string> conditionSlugs, HashSet<string> stretchSlugs)
    {
        var slug = scope.Slug("slug", entry.Slug);
        var name = scope.Text("name", entry.Name, ContentLimits.NameLength);
        var kind = scope.Enum<ExerciseKind>("kind", entry.Kind);
        var summary = scope.Text("summary", entry.Summary, ContentLimits.TextLength);
        var instructions = scope.TextList("instructions", entry.Instructions, minItems: 1);
        var hold = scope.Int("holdSeconds", entry.HoldSeconds, 1, ContentLimits.MaxHoldSeconds, required: false);
        var reps = scope.Int("repetitions", entry.Repetitions, 1, ContentLimits.MaxRepetitions, required: false);
        if (entry.HoldSeconds is null && entry.Repetitions is null)
        {
            scope.Add("holdSeconds", "Give holdSeconds, repetitions or both, so a person knows how much to do.");
        }

        var sides = scope.Enum<Sides>("sides", entry.Sides);
        var difficulty = scope.Int("difficulty", entry.Difficulty, ContentLimits.MinDifficulty, ContentLimits.MaxDifficulty, required: true);
        var bias = scope.Enum<DirectionBias>("bias", entry.Bias);
        var muscles = scope.SlugList("targetMuscles", entry.TargetMuscles, minItems: 1);
        var indicated = scope.References("indicatedFor", entry.IndicatedFor, conditionSlugs, "condition", minItems: 1);
        var contraindications = ContraindicationsOf(scope, entry.Contraindications, conditionSlugs);
        var precautions = PrecautionsOf(scope, entry.Precautions);
        var cautions = scope.TextList("cautions", entry.Cautions, minItems: 0);
        var easier = scope.Reference("easierVariant", entry.EasierVariant, stretchSlugs, "stretch", required: false);
        var harder = scope.Reference("harderVariant", entry.HarderVariant, stretchSlugs, "stretch", required: false);

        if (indicated is not null && contraindications is not null)
        {
            foreach (var (contraindication, index) in contraindications.Select((c, i) => (c, i)))
            {
                if (indicated.Contains(contraindication.Condition, StringComparer.Ordinal))
                {
                    scope.Add($"contraindications[{index}].condition",
                        $"The stretch is also indicated for '{contraindication.Condition}': a stretch cannot be both indicated and contraindicated for one condition.");
                }
            }
        }

        foreach (var (field, variant) in new[] { ("easierVariant", easier), ("harderVariant", harder) })
        {
            if (variant is not null && variant == slug)
            {
                scope.Add(field, "A stretch cannot be its own variant.");
            }
        }

        if (slug is not null && precautions is not null)
        {
            foreach (var screen in ClinicalPrecautions.For(slug).Where(screen => precautions.All(p => p.Screen != screen)))
            {
                scope.Add("precautions", $"'{slug}' must carry the '{WireName.Of(screen)}' precaution: the clinical rules name it for that screen.");
            }
        }

        var status = scope.Status(entry.Status);
        var media = MediaOf(scope, entry.Media, status);
        var translations = scope.Translations(entry.Translations, status, (field, t) => TextOf(scope, field + ".", t, instructions, cautions, contraindications, precautions));
        return scope.HasProblems
            ? null
            : new Stretch(slug!, name!, kind!.Value, summary!, instructions!, hold, reps, sides!.Value, difficulty!.Value, bias!.Value,
                muscles!, indicated!, contraindications!, cautions!, easier, harder, status!.Value, precautions!, media, translations);
    }

    private static List<Precaution>? PrecautionsOf(EntryScope scope, IReadOnlyList<PrecautionEntry?>? entries)
    {
        if (entries is null)
        {
            return [];
        }

        if (entries.Count > ContentLimits.ListItems)
        {
            scope.Add("precautions", $"At most {ContentLimits.ListItems} precautions.");
            return null;
        }

        var result = new List<Precaution>(entries.Count);
        var seen = new HashSet<Assessments.Screen>();
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"precautions[{i}]";
            if (entries[i] is not { } entry)
            {
                scope.Add(field, "The precaution is null.");
                continue;
            }

            var screen = scope.Enum<Assessments.Screen>($"{field}.screen", entry.Screen);
            var reason = scope.Text($"{field}.reason", entry.Reason, ContentLimits.TextLength);
            if (screen is { } value && !seen.Add(value))
            {
                scope.Add($"{field}.screen", $"'{entry.Screen}' is listed more than once.");
            }

            if (screen is not null && reason is not null)
            {
                result.Add(new Precaution(screen.Value, reason));
            }
        }

        return result;
    }

    private static List<Contraindication>? ContraindicationsOf(
        EntryScope scope, IReadOnlyList<ContraindicationEntry?>? entries, HashSet<string> conditionSlugs)
    {
        if (entries is null)
        {
            return [];
        }

        if (entries.Count > ContentLimits.ListItems)
        {
            scope.Add("contraindications", $"At most {ContentLimits.ListItems} contraindications.");
            return null;
        }

        var result = new List<Contraindication>(entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"contraindications[{i}]";
            if (entries[i] is not { } entry)
            {
                scope.Add(field, "The contraindication is null.");
                continue;
            }

            var condition = scope.Reference($"{field}.condition", entry.Condition, conditionSlugs, "condition", required: true);
            var reason = scope.Text($"{field}.reason", entry.Reason, ContentLimits.TextLength);
            if (condition is not null && !seen.Add(condition))
            {
                scope.Add($"{field}.condition", $"'{condition}' is listed more than once.");
            }

            if (condition is not null && reason is not null)
            {
                result.Add(new Contraindication(condition, reason));
            }
        }

        return result.Count == entries.Count ? result : null;
    }

    // Variants are checked once all stretches are known, so that two stretches may name each other.
    public static void CheckVariants(
        List<ContentProblem> problems, IReadOnlyList<StretchEntry?> entries, Dictionary<string, Stretch> mergedStretches)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { Difficulty: { } difficulty } entry)
            {
                continue;
            }

            var scope = new EntryScope(problems, ContentValidator.StretchesSection, i, entry.Slug);
            if (entry.EasierVariant is { } easier && mergedStretches.TryGetValue(easier, out var easierStretch)
                && easierStretch.Difficulty > difficulty)
            {
                scope.Add("easierVariant", $"'{easier}' has difficulty {easierStretch.Difficulty}, more than this stretch's {difficulty}.");
            }

            if (entry.HarderVariant is { } harder && mergedStretches.TryGetValue(harder, out var harderStretch)
                && harderStretch.Difficulty < difficulty)
            {
                scope.Add("harderVariant", $"'{harder}' has difficulty {harderStretch.Difficulty}, less than this stretch's {difficulty}.");
            }
        }
    }

    public const int MaxMedia = 5;
    public const int MaxMediaPixels = 10_000;
    public const int MaxMediaSeconds = 600;
    public const int MaxMediaUrlLength = 200;
    public const int MaxAltTextLength = 300;

    private static StretchText? TextOf(
        EntryScope scope, string prefix, StretchTranslationEntry t, List<string>? englishInstructions, List<string>? englishCautions,
        List<Contraindication>? contraindications, List<Precaution>? precautions)
    {
        var before = scope.ProblemCount;
        var name = scope.Text(prefix + "name", t.Name, ContentLimits.NameLength);
        var summary = scope.Text(prefix + "summary", t.Summary, ContentLimits.TextLength);
        var instructions = scope.ParallelTextList(prefix + "instructions", t.Instructions, englishInstructions);
        var cautions = scope.ParallelTextList(prefix + "cautions", t.Cautions, englishCautions);

        // The same conditions and screens as the English: a translation changes the words, never who may do it.
        var reasons = new List<Contraindication>();
        var translated = (t.Contraindications ?? []).OfType<ContraindicationEntry>().ToList();
        foreach (var contraindication in contraindications ?? [])
        {
            var match = translated.FirstOrDefault(c => c.Condition == contraindication.Condition);
            if (scope.Text($"{prefix}contraindications['{contraindication.Condition}'].reason", match?.Reason, ContentLimits.TextLength) is { } reason)
            {
                reasons.Add(contraindication with { Reason = reason });
            }
        }

        foreach (var extra in translated.Where(c => contraindications?.All(e => e.Condition != c.Condition) ?? false))
        {
            scope.Add(prefix + "contraindications", $"'{extra.Condition}' is not among the English entry's contraindications.");
        }

        var precautionReasons = new List<Precaution>();
        var translatedPrecautions = (t.Precautions ?? []).OfType<PrecautionEntry>().ToList();
        foreach (var precaution in precautions ?? [])
        {
            var screen = WireName.Of(precaution.Screen);
            var match = translatedPrecautions.FirstOrDefault(p => p.Screen == screen);
            if (scope.Text($"{prefix}precautions['{screen}'].reason", match?.Reason, ContentLimits.TextLength) is { } reason)
            {
                precautionReasons.Add(precaution with { Reason = reason });
            }
        }

        foreach (var extra in translatedPrecautions.Where(p => precautions?.All(e => WireName.Of(e.Screen) != p.Screen) ?? false))
        {
            scope.Add(prefix + "precautions", $"'{extra.Screen}' is not among the English entry's precautions.");
        }

        return scope.ProblemCount > before ? null : new StretchText(name!, summary!, instructions!, cautions!, reasons, precautionReasons);
    }

    private static List<StretchMedia>? MediaOf(EntryScope scope, IReadOnlyList<MediaEntry?>? entries, ContentStatus? status)
    {
        entries ??= [];
        if (entries.Count == 0 && status == ContentStatus.Published)
        {
            scope.Add("media", "A published stretch shows how it is done: add at least one image, video or animation.");
            return null;
        }

        if (entries.Count > MaxMedia)
        {
            scope.Add("media", $"At most {MaxMedia} media.");
            return null;
        }

        var before = scope.ProblemCount;
        var result = new List<StretchMedia>();
        var urls = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"media[{i}]";
            if (entries[i] is not { } entry)
            {
                scope.Add(field, "The media is null.");
                continue;
            }

            var kind = scope.Enum<MediaKind>($"{field}.kind", entry.Kind);
            var url = MediaUrl(scope, $"{field}.url", entry.Url);
            if (url is not null && !urls.Add(url))
            {
                scope.Add($"{field}.url", $"'{url}' is listed more than once.");
            }

            var width = scope.Int($"{field}.width", entry.Width, 1, MaxMediaPixels, required: true);
            var height = scope.Int($"{field}.height", entry.Height, 1, MaxMediaPixels, required: true);
            var duration = scope.Int($"{field}.durationSeconds", entry.DurationSeconds, 1, MaxMediaSeconds, required: kind is MediaKind.Video or MediaKind.Animation);
            if (kind == MediaKind.Image && entry.DurationSeconds is not null)
            {
                scope.Add($"{field}.durationSeconds", "An image has no duration.");
            }

            var altText = AltTextOf(scope, $"{field}.altText", entry.AltText, status);
            if (kind is not null && url is not null && width is not null && height is not null && altText is not null)
            {
                result.Add(new StretchMedia(kind.Value, url, width.Value, height.Value, duration, altText));
            }
        }

        return scope.ProblemCount > before ? null : result;
    }

    /// <summary>
    /// A path below the media base URL: lowercase letters, digits, <c>-</c>, <c>_</c>, <c>.</c> and <c>/</c>, with no
    /// scheme, host, leading slash, empty or dot segment, query or fragment, so it can never point anywhere else.
    /// </summary>
    public static bool IsRelativeMediaPath(string? value) =>
        value is { Length: > 0 and <= MaxMediaUrlLength }
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '/')
        && value.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..")
        && value.Contains('.', StringComparison.Ordinal);

    private static string? MediaUrl(EntryScope scope, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            scope.Add(field, "A URL relative to the media base URL is required, e.g. 'stretches/prone-lying.webp'.");
            return null;
        }

        if (!IsRelativeMediaPath(value))
        {
            scope.Add(field, $"'{(value.Length <= 60 ? value : value[..60] + "…")}' is not a relative media path: use lowercase letters, digits, '-', '_', '.' and '/' only "
                + $"(no scheme, host, leading '/', '..', query or fragment), with a file extension, at most {MaxMediaUrlLength} characters.");
            return null;
        }

        return value;
    }

    private static Dictionary<Language, string>? AltTextOf(EntryScope scope, string field, IReadOnlyDictionary<string, string?>? values, ContentStatus? status)
    {
        var before = scope.ProblemCount;
        var result = new Dictionary<Language, string>();
        foreach (var (code, text) in values ?? new Dictionary<string, string?>())
        {
            if (!WireName.TryParse<Language>(code, out var language))
            {
                scope.Add($"{field}.{code}", $"'{code}' is not one of {string.Join(", ", LanguageNegotiation.All.Select(WireName.Of))}.");
            }
            else if (scope.Text($"{field}.{code}", text, MaxAltTextLength) is { } alt)
            {
                result[language] = alt;
            }
        }

        var required = status == ContentStatus.Published ? LanguageNegotiation.All : [LanguageNegotiation.Source];
        foreach (var missing in required.Where(l => !(values?.ContainsKey(WireName.Of(l)) ?? false)))
        {
            scope.Add($"{field}.{WireName.Of(missing)}", "Alt text is required in every language of a published stretch (English always): say what the media shows.");
        }

        return scope.ProblemCount > before ? null : result;
    }
}
