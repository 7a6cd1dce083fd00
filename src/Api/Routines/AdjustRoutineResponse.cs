using SciaticaService.Domain.Routines;

namespace SciaticaService.Api.Routines;

/// <summary>The outcome of an adjustment.</summary>
/// <param name="Changed">Whether a new version was made.</param>
/// <param name="Routine">The current routine: the new version, or the same one.</param>
public sealed record AdjustRoutineResponse(bool Changed, RoutineResponse Routine);
