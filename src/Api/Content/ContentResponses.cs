using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

/// <summary>A cause of sciatica.</summary>
/// <param name="Slug">Stable identifier, e.g. <c>piriformis-syndrome</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Summary">What it is, in plain words.</param>
/// <param name="NerveCompression">How it presses on or irritates the sciatic nerve.</param>
/// <param name="Signs">The signs that point towards this cause.</param>
/// <param name="TypicallyAffects">Who it usually affects.</param>
public sealed record ConditionResponse(
    string Slug, string Name, string Summary, string NerveCompression, IReadOnlyList<string> Signs, string TypicallyAffects);

/// <summary>A muscle imbalance that loads the nerve or the discs unevenly.</summary>
/// <param name="Slug">Stable identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="Summary">What it is, in plain words.</param>
/// <param name="TightMuscles">Muscle slugs that are typically tight.</param>
/// <param name="WeakMuscles">Muscle slugs that are typically weak.</param>
/// <param name="PosturalEffect">What it does to the pelvis and spine.</param>
/// <param name="SelfCheck">A check a person can do alone.</param>
/// <param name="FeedsConditions">Slugs of the conditions it feeds.</param>
public sealed record ImbalanceResponse(
    string Slug,
    string Name,
    string Summary,
    IReadOnlyList<string> TightMuscles,
    IReadOnlyList<string> WeakMuscles,
    string PosturalEffect,
    SelfCheckResponse SelfCheck,
    IReadOnlyList<string> FeedsConditions);

/// <summary>A self-check for an imbalance.</summary>
/// <param name="Name">Its usual name, e.g. the Thomas test.</param>
/// <param name="Steps">What to do, in order.</param>
/// <param name="PositiveSign">What result suggests the imbalance is present.</param>
public sealed record SelfCheckResponse(string Name, IReadOnlyList<string> Steps, string PositiveSign);

/// <summary>A stretch or exercise.</summary>
/// <param name="Slug">Stable identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind"><c>stretch</c>, <c>strengthening</c>, <c>mobility</c> or <c>nerve_glide</c>.</param>
/// <param name="Summary">What it does, in plain words.</param>
/// <param name="Instructions">Step-by-step instructions.</param>
/// <param name="HoldSeconds">How long to hold each repetition, when it is held.</param>
/// <param name="Repetitions">Repetitions in one set.</param>
/// <param name="Sides"><c>each_side</c>, <c>both_together</c> or <c>affected_side</c>.</param>
/// <param name="Difficulty">1 (gentle) to 3 (demanding).</param>
/// <param name="Bias"><c>flexion</c>, <c>extension</c> or <c>neutral</c>.</param>
/// <param name="TargetMuscles">Muscle slugs it works.</param>
/// <param name="IndicatedFor">Condition slugs it is recommended for.</param>
/// <param name="Contraindications">Conditions it must not be given for, with the reason.</param>
/// <param name="Cautions">When to stop.</param>
/// <param name="EasierVariant">Slug of an easier version, if there is one.</param>
/// <param name="HarderVariant">Slug of a harder version, if there is one.</param>
/// <param name="Precautions">Screens that rule it out for a person whatever the cause (weak bones, a hip replacement, pregnancy), with the reason.</param>
public sealed record StretchResponse(
    string Slug,
    string Name,
    string Kind,
    string Summary,
    IReadOnlyList<string> Instructions,
    int? HoldSeconds,
    int? Repetitions,
    string Sides,
    int Difficulty,
    string Bias,
    IReadOnlyList<string> TargetMuscles,
    IReadOnlyList<string> IndicatedFor,
    IReadOnlyList<ContraindicationResponse> Contraindications,
    IReadOnlyList<string> Cautions,
    string? EasierVariant,
    string? HarderVariant,
    IReadOnlyList<PrecautionResponse> Precautions);

/// <summary>A screen that rules a stretch out for a person.</summary>
/// <param name="Screen"><c>osteoporosis</c> (or long-term steroids), <c>hip_replacement</c>, <c>pregnancy</c> or <c>extension_worsens</c>.</param>
/// <param name="Reason">Why, in plain words.</param>
public sealed record PrecautionResponse(string Screen, string Reason);

/// <summary>A condition a stretch must not be given for.</summary>
/// <param name="Condition">The condition slug.</param>
/// <param name="Reason">Why, in plain words.</param>
public sealed record ContraindicationResponse(string Condition, string Reason);

/// <summary>A routine template: an ordered set of exercises for one condition.</summary>
/// <param name="Slug">Stable identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="Summary">What the routine aims at.</param>
/// <param name="Condition">The condition slug it is for.</param>
/// <param name="Items">The exercises, in the order they are done.</param>
public sealed record RoutineTemplateResponse(
    string Slug, string Name, string Summary, string Condition, IReadOnlyList<RoutineTemplateItemResponse> Items);

/// <summary>One exercise of a routine template.</summary>
/// <param name="Position">1-based position in the routine.</param>
/// <param name="Stretch">The stretch slug.</param>
/// <param name="Sets">How many sets.</param>
/// <param name="HoldSeconds">Seconds to hold each repetition, when held.</param>
/// <param name="Repetitions">Repetitions in a set.</param>
public sealed record RoutineTemplateItemResponse(int Position, string Stretch, int Sets, int? HoldSeconds, int? Repetitions);

internal static class ContentResponseMapping
{
    public static ConditionResponse ToResponse(this Condition c) =>
        new(c.Slug, c.Name, c.Summary, c.NerveCompression, c.Signs, c.TypicallyAffects);

    public static ImbalanceResponse ToResponse(this Imbalance i) =>
        new(i.Slug, i.Name, i.Summary, i.TightMuscles, i.WeakMuscles, i.PosturalEffect,
            new SelfCheckResponse(i.SelfCheck.Name, i.SelfCheck.Steps, i.SelfCheck.PositiveSign), i.FeedsConditions);

    public static StretchResponse ToResponse(this Stretch s) =>
        new(s.Slug, s.Name, WireName.Of(s.Kind), s.Summary, s.Instructions, s.HoldSeconds, s.Repetitions, WireName.Of(s.Sides),
            s.Difficulty, WireName.Of(s.Bias), s.TargetMuscles, s.IndicatedFor,
            [.. s.Contraindications.Select(c => new ContraindicationResponse(c.Condition, c.Reason))],
            s.Cautions, s.EasierVariant, s.HarderVariant, [.. s.Precautions.Select(p => new PrecautionResponse(WireName.Of(p.Screen), p.Reason))]);

    public static RoutineTemplateResponse ToResponse(this RoutineTemplate t) =>
        new(t.Slug, t.Name, t.Summary, t.Condition,
            [.. t.Items.Select(i => new RoutineTemplateItemResponse(i.Position, i.Stretch, i.Sets, i.HoldSeconds, i.Repetitions))]);
}
