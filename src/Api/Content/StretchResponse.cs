using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

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
/// <param name="Media">Pictures, videos or animations that show how it is done.</param>
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
    IReadOnlyList<PrecautionResponse> Precautions,
    IReadOnlyList<MediaResponse> Media);
