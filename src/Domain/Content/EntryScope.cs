namespace SciaticaService.Domain.Content;

/// <summary>Checks the fields of one entry, recording each problem with the entry's section, index and slug.</summary>
internal sealed class EntryScope(List<ContentProblem> problems, string section, int index, string? slug)
{
    private int _count;

    public bool HasProblems => _count > 0;

    /// <summary>How many problems this entry has so far: a part of it is sound when reading it added none.</summary>
    public int ProblemCount => _count;

    public void Add(string field, string message)
    {
        problems.Add(new ContentProblem(section, index, slug, field, message));
        _count++;
    }

    public string? Slug(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, "A slug is required.");
            return null;
        }

        if (!ContentLimits.IsSlug(value))
        {
            Add(field, $"'{Truncate(value)}' is not a slug: use lowercase letters, digits and single hyphens, at most {ContentLimits.SlugLength} characters.");
            return null;
        }

        return value;
    }

    public string? Text(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "A value is required.");
            return null;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters (got {value.Length}).");
            return null;
        }

        return value.Trim();
    }

    public int? Int(string field, int? value, int min, int max, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "A value is required.");
            }

            return null;
        }

        if (value < min || value > max)
        {
            Add(field, $"Must be between {min} and {max} (got {value}).");
            return null;
        }

        return value;
    }

    /// <summary>The entry's status; published when the entry does not say.</summary>
    public ContentStatus? Status(string? value) => value is null ? ContentStatus.Published : Enum<ContentStatus>("status", value);

    /// <summary>
    /// The translations of an entry, by language: keys are language codes other than English (which the entry's own
    /// fields hold), each read by <paramref name="read"/>. A published entry must have every language; a draft may
    /// lack some while it is being translated.
    /// </summary>
    public Dictionary<Language, T>? Translations<TEntry, T>(
        IReadOnlyDictionary<string, TEntry?>? translations, ContentStatus? status, Func<string, TEntry, T?> read)
        where TEntry : class
        where T : class
    {
        var result = new Dictionary<Language, T>();
        var ok = true;
        foreach (var (code, entry) in translations ?? new Dictionary<string, TEntry?>())
        {
            var field = $"translations.{code}";
            if (!WireName.TryParse<Language>(code, out var language) || language == LanguageNegotiation.Source)
            {
                Add(field, $"'{Truncate(code)}' is not a translation language: use one of {string.Join(", ", LanguageNegotiation.All.Skip(1).Select(WireName.Of))}; English is the entry's own fields.");
                ok = false;
                continue;
            }

            if (entry is null)
            {
                Add(field, "The translation is null.");
                ok = false;
                continue;
            }

            if (read(field, entry) is { } text)
            {
                result[language] = text;
            }
            else
            {
                ok = false;
            }
        }

        if (status == ContentStatus.Published)
        {
            foreach (var missing in LanguageNegotiation.All.Skip(1).Where(l => !result.ContainsKey(l) && !(translations?.ContainsKey(WireName.Of(l)) ?? false)))
            {
                Add($"translations.{WireName.Of(missing)}", "A published entry needs every language: add this translation, or make the entry a draft until it is done.");
                ok = false;
            }
        }

        return ok ? result : null;
    }

    public TEnum? Enum<TEnum>(string field, string? value) where TEnum : struct, System.Enum
    {
        if (WireName.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        Add(field, value is null
            ? $"A value is required: one of {string.Join(", ", WireName.AllOf<TEnum>())}."
            : $"'{Truncate(value)}' is not one of {string.Join(", ", WireName.AllOf<TEnum>())}.");
        return null;
    }

    public List<string>? TextList(string field, IReadOnlyList<string?>? values, int minItems, int itemLength = ContentLimits.ListItemLength) =>
        List(field, values, minItems, (itemField, value) => Text(itemField, value, itemLength));

    /// <summary>
    /// A translated list that matches the English one item for item (steps, signs, cautions); the count is compared
    /// only with an English list that is itself sound (null when it had a problem, which is reported there).
    /// </summary>
    public List<string>? ParallelTextList(string field, IReadOnlyList<string?>? values, IReadOnlyList<string>? english)
    {
        var list = TextList(field, values, minItems: 0);
        if (list is not null && english is not null && list.Count != english.Count)
        {
            Add(field, $"Has {list.Count} items where the English has {english.Count}: a translation keeps every item, in the same order.");
            return null;
        }

        return list;
    }

    public List<string>? SlugList(string field, IReadOnlyList<string?>? values, int minItems) =>
        List(field, values, minItems, Slug);

    public List<string>? References(string field, IReadOnlyList<string?>? values, HashSet<string> known, string kind, int minItems) =>
        List(field, values, minItems, (itemField, value) => Reference(itemField, value, known, kind, required: true));

    public string? Reference(string field, string? value, HashSet<string> known, string kind, bool required)
    {
        if (value is null && !required)
        {
            return null;
        }

        if (Slug(field, value) is not { } slugValue)
        {
            return null;
        }

        if (!known.Contains(slugValue))
        {
            Add(field, $"There is no {kind} '{slugValue}'.");
            return null;
        }

        return slugValue;
    }

    private List<string>? List(string field, IReadOnlyList<string?>? values, int minItems, Func<string, string?, string?> item)
    {
        values ??= [];
        if (values.Count < minItems)
        {
            Add(field, minItems == 1 ? "At least one item is required." : $"At least {minItems} items are required.");
            return null;
        }

        if (values.Count > ContentLimits.ListItems)
        {
            Add(field, $"At most {ContentLimits.ListItems} items (got {values.Count}).");
            return null;
        }

        var result = new List<string>(values.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (item($"{field}[{i}]", values[i]) is not { } value)
            {
                continue;
            }

            if (!seen.Add(value))
            {
                Add($"{field}[{i}]", $"'{Truncate(value)}' is listed more than once.");
                continue;
            }

            result.Add(value);
        }

        return result.Count == values.Count ? result : null;
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
