using SciaticaService.Domain.Content;
using SciaticaService.Domain.Routines;

namespace SciaticaService.Infrastructure.Persistence.Stored;

/// <summary>
/// A routine item as <c>routines.items</c> holds it, apart from the Domain record so that renaming a Domain property
/// cannot make stored rows unreadable. Shape 1 (since routines were first stored) is the only one so far.
/// </summary>
internal sealed record StoredRoutineItem(int Position, string Stretch, int Sets, int? HoldSeconds, int? Repetitions, Sides Sides, string Reason)
{
    public static StoredRoutineItem From(RoutineItem i) => new(i.Position, i.Stretch, i.Sets, i.HoldSeconds, i.Repetitions, i.Sides, i.Reason);

    public RoutineItem ToModel() => new(Position, Stretch, Sets, HoldSeconds, Repetitions, Sides, Reason);
}
