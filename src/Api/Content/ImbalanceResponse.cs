using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

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
