using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

/// <summary>One exercise of a routine template.</summary>
/// <param name="Position">1-based position in the routine.</param>
/// <param name="Stretch">The stretch slug.</param>
/// <param name="Sets">How many sets.</param>
/// <param name="HoldSeconds">Seconds to hold each repetition, when held.</param>
/// <param name="Repetitions">Repetitions in a set.</param>
public sealed record RoutineTemplateItemResponse(int Position, string Stretch, int Sets, int? HoldSeconds, int? Repetitions);
