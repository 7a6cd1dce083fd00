using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

/// <summary>A self-check for an imbalance.</summary>
/// <param name="Name">Its usual name, e.g. the Thomas test.</param>
/// <param name="Steps">What to do, in order.</param>
/// <param name="PositiveSign">What result suggests the imbalance is present.</param>
public sealed record SelfCheckResponse(string Name, IReadOnlyList<string> Steps, string PositiveSign);
