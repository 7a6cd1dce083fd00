using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Privacy;

/// <summary>One read or change of a person's data, for their access log.</summary>
/// <param name="Person">Whose data.</param>
/// <param name="At">When.</param>
/// <param name="Accessor">Who: the person, a partner or an admin.</param>
/// <param name="PartnerId">The partner, when a partner did it.</param>
/// <param name="Action"><see cref="AccessActions.Read"/>, <see cref="AccessActions.Change"/> or <see cref="AccessActions.Export"/>.</param>
/// <param name="Data">What was touched: <c>assessments</c>, <c>routines</c>, <c>sessions</c>, <c>progress</c>, <c>clearances</c> or <c>all</c>.</param>
public sealed record AccessEntry(PersonId Person, DateTimeOffset At, Accessor Accessor, Guid? PartnerId, string Action, string Data)
{
    /// <summary>The entry for <paramref name="caller"/> touching its person's data, or null when the call names no person.</summary>
    public static AccessEntry? For(Caller caller, string action, string data, DateTimeOffset at) => caller.Person is not { } person ? null : new(
        person,
        at,
        caller.Kind == CallerKind.Partner ? Accessor.Partner : Accessor.Self,
        caller.PartnerId,
        action,
        data);
}
