using SciaticaService.Domain.Content;

namespace SciaticaService.Domain.Routines;

/// <summary>One exercise in a person's routine.</summary>
/// <param name="Position">1-based, in the order to do them.</param>
/// <param name="Stretch">The stretch slug.</param>
/// <param name="Sets">How many sets.</param>
/// <param name="HoldSeconds">Seconds to hold each repetition, when held.</param>
/// <param name="Repetitions">Repetitions in a set.</param>
/// <param name="Sides">Which side or sides.</param>
/// <param name="Reason">Why it is in the routine, in one line (English, as it was written).</param>
/// <param name="Basis">The reason as a code, to write it in another language; null for items stored before codes.</param>
public sealed record RoutineItem(int Position, string Stretch, int Sets, int? HoldSeconds, int? Repetitions, Sides Sides, string Reason, RoutineReason? Basis = null);
