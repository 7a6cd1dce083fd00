using SciaticaService.Domain.Content;
using SciaticaService.Domain.Routines;

namespace SciaticaService.Infrastructure.Persistence.Stored;

/// <summary>
/// A routine item as <c>routines.items</c> holds it, apart from the Domain record so that renaming a Domain property
/// cannot make stored rows unreadable. Shape 2 adds <c>basis</c> (the reason's code); shape 1 rows have none and read as before.
/// </summary>
internal sealed record StoredRoutineItem(int Position, string Stretch, int Sets, int? HoldSeconds, int? Repetitions, Sides Sides, string Reason, StoredRoutineReason? Basis = null)
{
    public static StoredRoutineItem From(RoutineItem i) => new(i.Position, i.Stretch, i.Sets, i.HoldSeconds, i.Repetitions, i.Sides, i.Reason, StoredRoutineReason.From(i.Basis));

    public RoutineItem ToModel() => new(Position, Stretch, Sets, HoldSeconds, Repetitions, Sides, Reason, Basis?.ToModel());
}
