using SciaticaService.Domain.Content;
using Model = SciaticaService.Domain.Routines;

namespace SciaticaService.Api.Routines;

// The REST shape of a routine item, apart from the Domain's: named as before, because the schema name is public.
/// <summary>One exercise in a person's routine.</summary>
/// <param name="Position">1-based, in the order to do them.</param>
/// <param name="Stretch">The stretch slug.</param>
/// <param name="Name">The stretch's name in the language the request asked for (<c>Content-Language</c>); its slug when it is no longer published.</param>
/// <param name="Sets">How many sets.</param>
/// <param name="HoldSeconds">Seconds to hold each repetition, when held.</param>
/// <param name="Repetitions">Repetitions in a set.</param>
/// <param name="Sides">Which side or sides.</param>
/// <param name="Reason">Why it is in the routine, in one line, in the response's language (<c>Content-Language</c>).</param>
public sealed record RoutineItem(int Position, string Stretch, string Name, int Sets, int? HoldSeconds, int? Repetitions, Sides Sides, string Reason)
{
    /// <param name="i">The routine item.</param>
    /// <param name="names">Stretch names by slug, in the response's language.</param>
    public static RoutineItem From(Model.RoutineItem i, IReadOnlyDictionary<string, string> names) =>
        new(i.Position, i.Stretch, names.GetValueOrDefault(i.Stretch, i.Stretch), i.Sets, i.HoldSeconds, i.Repetitions, i.Sides, i.Reason);
}
