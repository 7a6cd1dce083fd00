using SciaticaService.Domain.Assessments;

namespace SciaticaService.Infrastructure.Persistence.Stored;

/// <summary>
/// A triage as <c>assessments.result</c> and <c>sessions.escalation</c> hold it. Shape 1 (in results of questionnaire
/// contract 1) has no <c>timing</c> and no <c>notAsked</c>, here or on its flags; escalations only ever had shape 2.
/// <c>standing</c> came with engine 2026.12.2 and is absent when nothing stood.
/// </summary>
internal sealed record StoredTriage(
    TriageLevel Level, IReadOnlyList<StoredRaisedFlag> Flags, string Advice, bool RoutineAllowed, CareTiming Timing = CareTiming.NotNeeded,
    IReadOnlyList<string>? NotAsked = null, StoredStandingHold? Standing = null)
{
    public static StoredTriage From(TriageResult t) =>
        new(t.Level, [.. t.Flags.Select(StoredRaisedFlag.From)], t.Advice, t.RoutineAllowed, t.Timing, t.NotAsked, StoredStandingHold.From(t.Standing));

    public TriageResult ToModel() => new(Level, [.. Flags.Select(f => f.ToModel())], Advice, RoutineAllowed, Timing, NotAsked, Standing?.ToModel());
}

internal sealed record StoredStandingHold(string Source, Guid SourceId, DateTimeOffset RaisedAt, TriageLevel Level, IReadOnlyList<StoredRaisedFlag> Flags)
{
    public static StoredStandingHold? From(StandingHold? h) =>
        h is null ? null : new(h.Source, h.SourceId, h.RaisedAt, h.Level, [.. h.Flags.Select(StoredRaisedFlag.From)]);

    public StandingHold ToModel() => new(Source, SourceId, RaisedAt, Level, [.. Flags.Select(f => f.ToModel())]);
}

internal sealed record StoredRaisedFlag(string Code, string Name, TriageLevel Level, IReadOnlyList<string> Items, string Advice, CareTiming Timing = CareTiming.NotNeeded)
{
    public static StoredRaisedFlag From(RaisedFlag f) => new(f.Code, f.Name, f.Level, f.Items, f.Advice, f.Timing);

    public RaisedFlag ToModel() => new(Code, Name, Level, Items, Advice, Timing);
}
