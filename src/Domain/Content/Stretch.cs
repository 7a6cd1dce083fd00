namespace SciaticaService.Domain.Content;

/// <summary>A stretch or exercise from the programme, with the causes it helps and the ones it must never be given for.</summary>
public sealed class Stretch
{
    private List<Contraindication> _contraindications;
    private List<Precaution> _precautions;

    public Stretch(
        string slug,
        string name,
        ExerciseKind kind,
        string summary,
        IReadOnlyList<string> instructions,
        int? holdSeconds,
        int? repetitions,
        Sides sides,
        int difficulty,
        DirectionBias bias,
        IReadOnlyList<string> targetMuscles,
        IReadOnlyList<string> indicatedFor,
        IReadOnlyList<Contraindication> contraindications,
        IReadOnlyList<string> cautions,
        string? easierVariant,
        string? harderVariant,
        ContentStatus status = ContentStatus.Published,
        IReadOnlyList<Precaution>? precautions = null,
        IReadOnlyList<StretchMedia>? media = null,
        IReadOnlyDictionary<Language, StretchText>? translations = null)
    {
        // A stretch that is both recommended and forbidden for one cause is a content error that could reach a
        // person's routine; refuse to even build one.
        var conflicting = indicatedFor.Intersect(contraindications.Select(c => c.Condition), StringComparer.Ordinal).ToList();
        if (conflicting.Count > 0)
        {
            throw new ContentInvariantException(
                $"Stretch '{slug}' is both indicated and contraindicated for {string.Join(", ", conflicting)}.");
        }

        Slug = slug;
        Name = name;
        Kind = kind;
        Summary = summary;
        Instructions = [.. instructions];
        HoldSeconds = holdSeconds;
        Repetitions = repetitions;
        Sides = sides;
        Difficulty = difficulty;
        Bias = bias;
        TargetMuscles = [.. targetMuscles];
        IndicatedFor = [.. indicatedFor];
        _contraindications = [.. contraindications];
        Cautions = [.. cautions];
        EasierVariant = easierVariant;
        HarderVariant = harderVariant;
        Status = status;
        _precautions = [.. precautions ?? []];
        Media = [.. media ?? []];
        Translations = new Dictionary<Language, StretchText>(translations ?? new Dictionary<Language, StretchText>());
    }

    // For EF Core, which cannot bind the owned collections through a constructor.
    private Stretch()
    {
        Slug = Name = Summary = string.Empty;
        Instructions = TargetMuscles = IndicatedFor = Cautions = [];
        _contraindications = [];
        _precautions = [];
        Media = [];
        Translations = new Dictionary<Language, StretchText>();
    }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    public ExerciseKind Kind { get; private set; }

    public string Summary { get; private set; }

    /// <summary>Step-by-step instructions, in order.</summary>
    public IReadOnlyList<string> Instructions { get; private set; }

    /// <summary>How long to hold each repetition, when the exercise is held.</summary>
    public int? HoldSeconds { get; private set; }

    /// <summary>How many repetitions make one set.</summary>
    public int? Repetitions { get; private set; }

    public Sides Sides { get; private set; }

    /// <summary>1 (gentle) to 3 (demanding).</summary>
    public int Difficulty { get; private set; }

    public DirectionBias Bias { get; private set; }

    /// <summary>Muscle slugs the exercise stretches or strengthens.</summary>
    public IReadOnlyList<string> TargetMuscles { get; private set; }

    /// <summary>Slugs of the conditions this exercise is recommended for.</summary>
    public IReadOnlyList<string> IndicatedFor { get; private set; }

    /// <summary>The conditions this exercise must not be given for, each with the reason, by condition slug.</summary>
    /// <remarks>A set in meaning: sorted on the way out because the database returns owned rows in no set order.</remarks>
    public IReadOnlyList<Contraindication> Contraindications =>
        [.. _contraindications.OrderBy(c => c.Condition, StringComparer.Ordinal)];

    /// <summary>The screens (weak bones, a hip replacement, pregnancy) that rule it out whatever the cause, each with the reason.</summary>
    /// <remarks>A set in meaning: sorted on the way out, as contraindications are.</remarks>
    public IReadOnlyList<Precaution> Precautions => [.. _precautions.OrderBy(p => p.Screen)];

    /// <summary>When to stop.</summary>
    public IReadOnlyList<string> Cautions { get; private set; }

    public string? EasierVariant { get; private set; }

    public string? HarderVariant { get; private set; }

    /// <summary>Drafts are seen by admins only; people, partners and routine building see published content.</summary>
    public ContentStatus Status { get; private set; }

    /// <summary>Pictures, videos or animations that show it, in display order.</summary>
    public IReadOnlyList<StretchMedia> Media { get; private set; }

    /// <summary>Its text in the languages other than English, which its own fields hold.</summary>
    public IReadOnlyDictionary<Language, StretchText> Translations { get; private set; }

    /// <summary>
    /// A copy to show in <paramref name="language"/>; itself for English, or for a draft without that language. Only
    /// the words change: the same conditions and screens rule it out in every language.
    /// </summary>
    public Stretch In(Language language)
    {
        if (!Translations.TryGetValue(language, out var text))
        {
            return this;
        }

        var copy = (Stretch)MemberwiseClone();
        (copy.Name, copy.Summary, copy.Instructions, copy.Cautions) = (text.Name, text.Summary, text.Instructions, text.Cautions);
        copy._contraindications = [.. _contraindications.Select(c => c with { Reason = text.Contraindications.FirstOrDefault(t => t.Condition == c.Condition)?.Reason ?? c.Reason })];
        copy._precautions = [.. _precautions.Select(p => p with { Reason = text.Precautions.FirstOrDefault(t => t.Screen == p.Screen)?.Reason ?? p.Reason })];
        return copy;
    }

    public bool IsContraindicatedFor(string conditionSlug) =>
        _contraindications.Exists(c => string.Equals(c.Condition, conditionSlug, StringComparison.Ordinal));

    /// <summary>
    /// Whether any of the person's screens rules it out: by its precautions and, whatever they say, by the ones
    /// CLINICAL.md names (<see cref="ClinicalPrecautions"/>), and every extension exercise when arching makes the
    /// pain worse.
    /// </summary>
    /// <summary>Safe for every one of <paramref name="causes"/> and for the person's <paramref name="screens"/>.</summary>
    public bool IsSafeFor(IEnumerable<string> causes, IReadOnlyCollection<Assessments.Screen> screens) =>
        !causes.Any(IsContraindicatedFor) && !IsScreenedOutBy(screens);

    public bool IsScreenedOutBy(IReadOnlyCollection<Assessments.Screen> screens) =>
        _precautions.Exists(p => screens.Contains(p.Screen))
        || ClinicalPrecautions.For(Slug).Any(screens.Contains)
        || (Bias == DirectionBias.Extension && screens.Contains(Assessments.Screen.ExtensionWorsens));

    public void ReplaceWith(Stretch source)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(source.Slug, Slug);
        Name = source.Name;
        Kind = source.Kind;
        Summary = source.Summary;
        Instructions = [.. source.Instructions];
        HoldSeconds = source.HoldSeconds;
        Repetitions = source.Repetitions;
        Sides = source.Sides;
        Difficulty = source.Difficulty;
        Bias = source.Bias;
        TargetMuscles = [.. source.TargetMuscles];
        IndicatedFor = [.. source.IndicatedFor];
        _contraindications = [.. source.Contraindications.Select(c => c with { })];
        Cautions = [.. source.Cautions];
        EasierVariant = source.EasierVariant;
        HarderVariant = source.HarderVariant;
        Status = source.Status;
        _precautions = [.. source.Precautions.Select(p => p with { })];
        Media = [.. source.Media];
        Translations = new Dictionary<Language, StretchText>(source.Translations);
    }
}
