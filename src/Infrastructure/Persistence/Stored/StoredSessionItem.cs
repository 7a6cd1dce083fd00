using SciaticaService.Domain.Routines;

namespace SciaticaService.Infrastructure.Persistence.Stored;

/// <summary>A session item as <c>sessions.items</c> holds it. Shape 1 (since sessions were first stored) is the only one so far.</summary>
internal sealed record StoredSessionItem(string Stretch, bool Done, int SetsDone, int? PainDuring = null, string? Note = null)
{
    public static StoredSessionItem From(SessionItem i) => new(i.Stretch, i.Done, i.SetsDone, i.PainDuring, i.Note);

    public SessionItem ToModel() => new(Stretch, Done, SetsDone, PainDuring, Note);
}
