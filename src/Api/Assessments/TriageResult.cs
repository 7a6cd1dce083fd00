using SciaticaService.Domain.Assessments;
using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

// The REST shape of a triage, apart from the Domain's: named as before, because the schema name is public.
/// <param name="Level">The most urgent level of any flag, or self-care.</param>
/// <param name="Flags">Every flag raised, most urgent first.</param>
/// <param name="Advice">What to do now.</param>
/// <param name="RoutineAllowed">
/// Whether a stretch routine may be built: never for emergency or urgent, nor while a cauda equina or nerve-deficit
/// question is unasked (see <see cref="RedFlagRules.NeededBeforeARoutine"/>).
/// </param>
/// <param name="Timing">When to see a clinician: the most urgent flag's timing.</param>
/// <param name="NotAsked">
/// Safety questions the answered questionnaire version did not ask, by item code (the current version's codes):
/// an app on an older version should ask them. Empty when every one was asked.
/// </param>
/// <param name="Standing">
/// An earlier red flag that still holds the person's routines when these answers were given; <see cref="Model.TriageResult.Level"/>,
/// <see cref="Model.TriageResult.Timing"/> and <see cref="Model.TriageResult.Advice"/> include it. Null when nothing stood.
/// </param>
public sealed record TriageResult(
    TriageLevel Level, IReadOnlyList<RaisedFlag> Flags, string Advice, bool RoutineAllowed, CareTiming Timing = CareTiming.NotNeeded,
    IReadOnlyList<string>? NotAsked = null, StandingHold? Standing = null)
{
    public static TriageResult From(Model.TriageResult t) =>
        new(t.Level, [.. t.Flags.Select(RaisedFlag.From)], t.Advice, t.RoutineAllowed, t.Timing, t.NotAsked ?? [], StandingHold.From(t.Standing));
}
