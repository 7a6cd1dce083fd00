namespace SciaticaService.Domain.Assessments;

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
public sealed record TriageResult(
    TriageLevel Level, IReadOnlyList<RaisedFlag> Flags, string Advice, bool RoutineAllowed, CareTiming Timing = CareTiming.NotNeeded,
    IReadOnlyList<string>? NotAsked = null)
{
    /// <summary>Whether a routine may be given at this level: self-care and see-a-GP only.</summary>
    public static bool AllowsRoutine(TriageLevel level) => level <= TriageLevel.SeeGp;

    /// <summary>Whether this level holds every routine of the person until a clinician's clearance is recorded.</summary>
    public static bool NeedsClearance(TriageLevel level) => level >= TriageLevel.Urgent;
}
