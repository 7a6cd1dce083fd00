using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

/// <summary>A routine template: an ordered set of exercises for one condition.</summary>
/// <param name="Slug">Stable identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="Summary">What the routine aims at.</param>
/// <param name="Condition">The condition slug it is for.</param>
/// <param name="Items">The exercises, in the order they are done.</param>
public sealed record RoutineTemplateResponse(
    string Slug, string Name, string Summary, string Condition, IReadOnlyList<RoutineTemplateItemResponse> Items);
