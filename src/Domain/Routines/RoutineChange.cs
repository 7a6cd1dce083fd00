namespace SciaticaService.Domain.Routines;

/// <summary>A change from one routine version to the next, and why.</summary>
/// <param name="Stretch">The stretch that changed.</param>
/// <param name="Change"><c>easier</c>, <c>harder</c>, <c>dropped</c>, or <c>review</c> (out until a clinician has looked at it).</param>
/// <param name="NewStretch">The variant that replaces it; null when dropped.</param>
/// <param name="Reason">Why, in plain words (English, as it was written).</param>
/// <param name="Basis">The reason as a code, to write it in another language; null for changes stored before codes.</param>
public sealed record RoutineChange(string Stretch, string Change, string? NewStretch, string Reason, RoutineReason? Basis = null);
