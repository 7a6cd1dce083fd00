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
    };

    public static ContraindicationEntry Contra(string condition) => new() { Condition = condition, Reason = "It loads the nerve." };

    public static RoutineTemplateEntry Template(string slug, string condition, params string[] stretches) => new()
    {
        Slug = slug,
        Name = $"Template {slug}",
        Summary = "A starter routine.",
        Condition = condition,
        Items = [.. stretches.Select(s => new RoutineTemplateItemEntry { Stretch = s, Sets = 2 })],
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
    };

    /// <summary>Two conditions, three stretches and a template: valid as it stands.</summary>
    public static ContentDocument ValidDocument() => new()
    {
        Conditions = [Condition("disc"), Condition("stenosis")],
        Imbalances = [Imbalance("anterior-tilt", "stenosis")],
        Stretches =
        [
            Stretch("prone-lying", indicatedFor: ["disc"], contraindications: [Contra("stenosis")], difficulty: 1, harder: "press-up") with
            {
                Precautions =
                [
                    new PrecautionEntry { Screen = "pregnancy", Reason = "Lying face down is not possible later in pregnancy." },
                    new PrecautionEntry { Screen = "extension_worsens", Reason = "Not when arching makes the leg worse." },
                ],
            },
            Stretch("press-up", indicatedFor: ["disc"], contraindications: [Contra("stenosis")], difficulty: 3, easier: "prone-lying"),
            Stretch("knee-to-chest", indicatedFor: ["stenosis"], contraindications: [Contra("disc")]),
        ],
        RoutineTemplates = [Template("disc-starter", "disc", "prone-lying", "press-up")],
    };
}
