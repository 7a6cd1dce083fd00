namespace SciaticaService.Domain.Routines;

/// <summary>
/// What a routine item's or change's reason says, as a code and its values, so that it can be written in any
/// language when it is read (<see cref="RoutineTexts"/>). The stored English stays beside it, as the person was told it.
/// </summary>
/// <param name="Code">The reason's code, a key of <see cref="RoutineTexts.Reasons"/>.</param>
/// <param name="Condition">The condition slug it names, if any.</param>
/// <param name="Muscles">The muscle slugs it names, if any.</param>
/// <param name="Points">Pain points it names, if any.</param>
/// <param name="Sessions">A number of sessions it names, if any.</param>
public sealed record RoutineReason(string Code, string? Condition = null, IReadOnlyList<string>? Muscles = null, int? Points = null, int? Sessions = null)
{
    // Compared by value, muscles included, so that routine items and changes still compare as values.
    public bool Equals(RoutineReason? other) =>
        other is not null && Code == other.Code && Condition == other.Condition && Points == other.Points && Sessions == other.Sessions
        && (Muscles ?? []).SequenceEqual(other.Muscles ?? [], StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Code, Condition, Points, Sessions, Muscles?.Count ?? 0);
}
