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
/// <param name="Standing">
/// An earlier red flag that still holds the person's routines when these answers were given; <see cref="Level"/>,
/// <see cref="Timing"/> and <see cref="Advice"/> include it. Null when nothing stood.
/// </param>
public sealed record TriageResult(
    TriageLevel Level, IReadOnlyList<RaisedFlag> Flags, string Advice, bool RoutineAllowed, CareTiming Timing = CareTiming.NotNeeded,
    IReadOnlyList<string>? NotAsked = null, StandingHold? Standing = null)
{
    /// <summary>
    /// What these answers alone raised, without a standing flag: the level a clearance must cover, and the one that
    /// makes this assessment hold the person's routines.
    /// </summary>
    public TriageLevel LevelOfAnswers() => Flags.Count == 0 ? TriageLevel.SelfCare : Flags.Max(f => f.Level);

    /// <summary>
    /// This triage with an earlier, uncleared flag carried in: the more urgent level and timing of the two, the standing
    /// flag's advice first, and no routine until a clinician's clearance covers it.
    /// </summary>
    public TriageResult WithStanding(StandingHold hold)
    {
        var standingAdvice = hold.Flags is [var first, ..] ? " " + first.Advice : "";
        var standing = $"A red flag you reported on {hold.RaisedAt.UtcDateTime:yyyy-MM-dd} still stands: new answers alone do not lift it, "
            + $"a doctor or other clinician needs to see you first; once they have, record that visit in the app.{standingAdvice}";
        // The most urgent advice leads, as it does among one assessment's own flags.
        var advice = Flags.Count == 0 ? standing
            : LevelOfAnswers() > hold.Level ? $"{Advice} {standing}"
            : $"{standing} {Advice}";
        return this with
        {
            Level = Level > hold.Level ? Level : hold.Level,
            Timing = hold.Flags.Select(f => f.Timing).Append(Timing).Max(),
            RoutineAllowed = false,
            Advice = advice,
            Standing = hold,
        };
    }

    /// <summary>Whether a routine may be given at this level: self-care and see-a-GP only.</summary>
    public static bool AllowsRoutine(TriageLevel level) => level <= TriageLevel.SeeGp;

    /// <summary>Whether this level holds every routine of the person until a clinician's clearance is recorded.</summary>
    public static bool NeedsClearance(TriageLevel level) => level >= TriageLevel.Urgent;
}
