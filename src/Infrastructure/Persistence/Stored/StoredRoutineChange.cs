using SciaticaService.Domain.Routines;

namespace SciaticaService.Infrastructure.Persistence.Stored;

/// <summary>A routine change as <c>routines.changes</c> holds it. Shape 1 is the only one so far.</summary>
internal sealed record StoredRoutineChange(string Stretch, string Change, string? NewStretch, string Reason)
{
    public static StoredRoutineChange From(RoutineChange c) => new(c.Stretch, c.Change, c.NewStretch, c.Reason);

    public RoutineChange ToModel() => new(Stretch, Change, NewStretch, Reason);
}
