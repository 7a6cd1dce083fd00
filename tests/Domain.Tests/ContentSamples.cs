using SciaticaService.Domain.Content;

namespace SciaticaService.Domain.Tests;

/// <summary>Small, valid content entries that each test bends into the shape it needs.</summary>
internal static class ContentSamples
{
    public static ConditionEntry Condition(string slug) => new()
    {
        Slug = slug,
        Name = $"Condition {slug}",
        Summary = "What it is.",
        NerveCompression = "How it presses on the nerve.",
        Signs = ["A sign."],
        TypicallyAffects = "Adults.",
        Translations = Languages(language => new ConditionTranslationEntry
        {
            Name = $"Condition {slug} ({language})", Summary = "…", NerveCompression = "…", Signs = ["…"], TypicallyAffects = "…",
        }),
    };

    /// <summary>A translation for every language but English, which the entry's own fields hold.</summary>
    public static Dictionary<string, T?> Languages<T>(Func<string, T> translation)
        where T : class => new() { ["es"] = translation("es"), ["de"] = translation("de") };

    /// <summary>Translations for a stretch with these contraindications and precautions.</summary>
    public static Dictionary<string, StretchTranslationEntry?> StretchTranslations(
        string slug, IEnumerable<ContraindicationEntry>? contraindications = null, IEnumerable<PrecautionEntry>? precautions = null) =>
        Languages(language => new StretchTranslationEntry
        {
            Name = $"Stretch {slug} ({language})",
            Summary = "…",
            Instructions = [$"Step 1 ({language})", $"Step 2 ({language})"],
            Cautions = ["…"],
            Contraindications = [.. (contraindications ?? []).Select(c => new ContraindicationEntry { Condition = c.Condition, Reason = "…" })],
            Precautions = [.. (precautions ?? []).Select(p => new PrecautionEntry { Screen = p.Screen, Reason = "…" })],
        });

    public static MediaEntry Image(string url = "stretches/sample.webp") => new()
    {
        Kind = "image", Url = url, Width = 800, Height = 600,
        AltText = new Dictionary<string, string?> { ["en"] = "A person stretching.", ["es"] = "Una persona estirando.", ["de"] = "Eine Person dehnt sich." },
    };

    public static StretchEntry Stretch(
        string slug,
        string[]? indicatedFor = null,
        ContraindicationEntry[]? contraindications = null,
        int difficulty = 1,
        string? easier = null,
        string? harder = null) => new()
    {
        Slug = slug,
        Name = $"Stretch {slug}",
        Kind = "stretch",
        Summary = "What it does.",
        Instructions = ["Lie down.", "Breathe."],
        HoldSeconds = 30,
        Repetitions = 3,
        Sides = "each_side",
        Difficulty = difficulty,
        Bias = "neutral",
        TargetMuscles = ["piriformis"],
        IndicatedFor = indicatedFor ?? ["disc"],
        Contraindications = contraindications ?? [],
        Cautions = ["Stop if pain spreads down the leg."],
        EasierVariant = easier,
        HarderVariant = harder,
        Media = [Image()],
    };

    /// <summary>
    /// Validates <paramref name="document"/> with every stretch that has no translations of its own given ones that
    /// match its contraindications and precautions as the test left them, so that tests about other rules stay about them.
    /// </summary>
    public static ContentValidationResult Validate(
        ContentDocument document, ContentCatalog? stored = null, ContentRemovals? removals = null,
        IReadOnlyList<SciaticaService.Domain.Assessments.QuestionnaireDefinition>? questionnaireHistory = null) =>
        ContentValidator.Validate(
            document with
            {
                Stretches = document.Stretches?.Select(s => s is { Translations: null }
                    ? s with
                    {
                        Translations = StretchTranslations(
                            s.Slug ?? "x",
                            s.Contraindications?.OfType<ContraindicationEntry>().Where(c => c.Condition is not null).DistinctBy(c => c.Condition),
                            s.Precautions?.OfType<PrecautionEntry>().Where(p => WireName.TryParse<SciaticaService.Domain.Assessments.Screen>(p.Screen, out _) && !string.IsNullOrWhiteSpace(p.Reason)).DistinctBy(p => p.Screen)),
                    }
                    : s).ToList(),
            },
            stored, removals, questionnaireHistory);

    public static ContraindicationEntry Contra(string condition) => new() { Condition = condition, Reason = "It loads the nerve." };

    public static RoutineTemplateEntry Template(string slug, string condition, params string[] stretches) => new()
    {
        Slug = slug,
        Name = $"Template {slug}",
        Summary = "A starter routine.",
        Condition = condition,
        Items = [.. stretches.Select(s => new RoutineTemplateItemEntry { Stretch = s, Sets = 2 })],
        Translations = Languages(language => new RoutineTemplateTranslationEntry { Name = $"Template {slug} ({language})", Summary = "…" }),
    };

    public static ImbalanceEntry Imbalance(string slug, params string[] feeds) => new()
    {
        Slug = slug,
        Name = $"Imbalance {slug}",
        Summary = "What it is.",
        TightMuscles = ["hip-flexors"],
        WeakMuscles = ["gluteus-maximus"],
        PosturalEffect = "Tilts the pelvis forward.",
        SelfCheck = new SelfCheckEntry { Name = "Thomas test", Steps = ["Lie at the edge of a bed."], PositiveSign = "The thigh lifts." },
        FeedsConditions = feeds,
        Translations = Languages(language => new ImbalanceTranslationEntry
        {
            Name = $"Imbalance {slug} ({language})", Summary = "…", PosturalEffect = "…",
            SelfCheck = new SelfCheckEntry { Name = "…", Steps = ["…"], PositiveSign = "…" },
        }),
    };

    private static readonly PrecautionEntry[] PronePrecautions =
    [
        new PrecautionEntry { Screen = "pregnancy", Reason = "Lying face down is not possible later in pregnancy." },
        new PrecautionEntry { Screen = "extension_worsens", Reason = "Not when arching makes the leg worse." },
    ];

    /// <summary>Two conditions, three stretches and a template: valid as it stands.</summary>
    public static ContentDocument ValidDocument() => new()
    {
        Conditions = [Condition("disc"), Condition("stenosis")],
        Imbalances = [Imbalance("anterior-tilt", "stenosis")],
        Stretches =
        [
            Stretch("prone-lying", indicatedFor: ["disc"], contraindications: [Contra("stenosis")], difficulty: 1, harder: "press-up") with
            {
                Precautions = PronePrecautions,
            },
            Stretch("press-up", indicatedFor: ["disc"], contraindications: [Contra("stenosis")], difficulty: 3, easier: "prone-lying"),
            Stretch("knee-to-chest", indicatedFor: ["stenosis"], contraindications: [Contra("disc")]),
        ],
        RoutineTemplates = [Template("disc-starter", "disc", "prone-lying", "press-up")],
    };
}
