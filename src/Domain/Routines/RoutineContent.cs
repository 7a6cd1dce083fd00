using SciaticaService.Domain.Content;

namespace SciaticaService.Domain.Routines;

/// <summary>The published content a routine is built from.</summary>
public sealed record RoutineContent(IReadOnlyList<Condition> Conditions, IReadOnlyList<Imbalance> Imbalances, IReadOnlyList<Stretch> Stretches);
