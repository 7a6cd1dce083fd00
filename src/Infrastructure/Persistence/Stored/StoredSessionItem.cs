using System.Text.Json.Serialization;
using SciaticaService.Domain.Routines;

namespace SciaticaService.Infrastructure.Persistence.Stored;

/// <summary>
/// A session item as <c>sessions.items</c> holds it. Shape 1 (since sessions were first stored); shape 2 adds
/// <c>painSpread</c>, written only when true, so that shape-1 rows read as pain that did not spread.
/// </summary>
internal sealed record StoredSessionItem(
    string Stretch, bool Done, int SetsDone, int? PainDuring = null, string? Note = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? PainSpread = null)
{
    public static StoredSessionItem From(SessionItem i) => new(i.Stretch, i.Done, i.SetsDone, i.PainDuring, i.Note, i.PainSpread ? true : null);

    public SessionItem ToModel() => new(Stretch, Done, SetsDone, PainDuring, Note, PainSpread == true);
}
