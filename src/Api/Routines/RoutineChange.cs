using Model = SciaticaService.Domain.Routines;

namespace SciaticaService.Api.Routines;

// The REST shape of a routine change, apart from the Domain's: named as before, because the schema name is public.
/// <summary>A change from one routine version to the next, and why.</summary>
/// <param name="Stretch">The stretch that changed.</param>
/// <param name="Change"><c>easier</c>, <c>harder</c>, <c>dropped</c>, or <c>review</c> (out until a clinician has looked at it).</param>
/// <param name="NewStretch">The variant that replaces it; null when dropped.</param>
/// <param name="Reason">Why, in plain words, in the response's language (<c>Content-Language</c>).</param>
public sealed record RoutineChange(string Stretch, string Change, string? NewStretch, string Reason)
{
    public static RoutineChange From(Model.RoutineChange c) => new(c.Stretch, c.Change, c.NewStretch, c.Reason);
}
