using SciaticaService.Domain.Routines;

namespace SciaticaService.Infrastructure.Persistence.Stored;

/// <summary>
/// A routine change as <c>routines.changes</c> holds it. Shape 2 adds <c>basis</c> (the reason's code); shape 1 rows
/// have none and read as before.
/// </summary>
internal sealed record StoredRoutineChange(string Stretch, string Change, string? NewStretch, string Reason, StoredRoutineReason? Basis = null)
{
    public static StoredRoutineChange From(RoutineChange c) => new(c.Stretch, c.Change, c.NewStretch, c.Reason, StoredRoutineReason.From(c.Basis));

    public RoutineChange ToModel() => new(Stretch, Change, NewStretch, Reason, Basis?.ToModel());
}
