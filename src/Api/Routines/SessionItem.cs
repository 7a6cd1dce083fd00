using Model = SciaticaService.Domain.Routines;

namespace SciaticaService.Api.Routines;

// The REST shape of a session item, apart from the Domain's: named as before, because the schema name is public.
/// <summary>What was done with one exercise in a session.</summary>
/// <param name="Stretch">The stretch slug, one of the routine's.</param>
/// <param name="Done">False when it was skipped.</param>
/// <param name="SetsDone">How many sets were done.</param>
/// <param name="PainDuring">Pain while doing it, 0 to 10, if recorded.</param>
/// <param name="Note">A short note.</param>
/// <param name="PainSpread">True when the leg pain spread further down the leg with it: the exercise leaves the routine for review.</param>
public sealed record SessionItem(string Stretch, bool Done, int SetsDone, int? PainDuring = null, string? Note = null, bool PainSpread = false)
{
    public static SessionItem From(Model.SessionItem i) => new(i.Stretch, i.Done, i.SetsDone, i.PainDuring, i.Note, i.PainSpread);

    public Model.SessionItem ToModel() => new(Stretch, Done, SetsDone, PainDuring, Note, PainSpread);

    // A body may hold a null item or a null list despite the annotations; the use case reports it, so it passes through.
    internal static IReadOnlyList<Model.SessionItem> ToModel(IReadOnlyList<SessionItem>? items) =>
        items is null ? null! : [.. items.Select(i => i?.ToModel()!)];
}
