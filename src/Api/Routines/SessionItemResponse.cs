using Model = SciaticaService.Domain.Routines;

namespace SciaticaService.Api.Routines;

/// <summary>What was done with one exercise in a session, with the exercise's name.</summary>
/// <param name="Stretch">The stretch slug, one of the routine's.</param>
/// <param name="Name">The stretch's name in the language the request asked for (<c>Content-Language</c>); its slug when it is no longer published.</param>
/// <param name="Done">False when it was skipped.</param>
/// <param name="SetsDone">How many sets were done.</param>
/// <param name="PainDuring">Pain while doing it, 0 to 10, if recorded.</param>
/// <param name="Note">A short note.</param>
/// <param name="PainSpread">True when the leg pain spread further down the leg with it.</param>
public sealed record SessionItemResponse(string Stretch, string Name, bool Done, int SetsDone, int? PainDuring, string? Note, bool PainSpread)
{
    /// <param name="i">The session item.</param>
    /// <param name="names">Stretch names by slug, in the response's language.</param>
    public static SessionItemResponse From(Model.SessionItem i, IReadOnlyDictionary<string, string> names) =>
        new(i.Stretch, names.GetValueOrDefault(i.Stretch, i.Stretch), i.Done, i.SetsDone, i.PainDuring, i.Note, i.PainSpread);
}
