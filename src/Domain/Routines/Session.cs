using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Routines;

/// <summary>What was done with one exercise in a session.</summary>
/// <param name="Stretch">The stretch slug, one of the routine's.</param>
/// <param name="Done">False when it was skipped.</param>
/// <param name="SetsDone">How many sets were done.</param>
/// <param name="PainDuring">Pain while doing it, 0 to 10, if recorded.</param>
/// <param name="Note">A short note.</param>
public sealed record SessionItem(string Stretch, bool Done, int SetsDone, int? PainDuring = null, string? Note = null);

/// <summary>A session as a client reports it.</summary>
/// <param name="RoutineId">The routine version that was done.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="CompletedAt">When it ended.</param>
/// <param name="PainBefore">Pain before, 0 to 10.</param>
/// <param name="PainAfter">Pain after, 0 to 10.</param>
/// <param name="Items">What was done with each exercise.</param>
/// <param name="NewSymptoms">
/// Red-flag symptoms that are new since the last session, by item code (<c>saddle_numbness</c>, <c>bladder_bowel_change</c>,
/// <c>sexual_function_change</c>, <c>progressive_weakness</c>, <c>foot_drop</c>, <c>legs_giving_way</c>, <c>both_legs_recent</c>).
/// Any of them holds the routine until a clinician's clearance.
/// </param>
public sealed record SessionReport(
    Guid RoutineId, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, int PainBefore, int PainAfter, IReadOnlyList<SessionItem> Items,
    IReadOnlyList<string>? NewSymptoms = null);

/// <summary>What progress needs of a person's sessions on one day (UTC, by when each ended): how many, and the pain around them.</summary>
/// <param name="Day">The day.</param>
/// <param name="Sessions">Sessions completed that day, at least one.</param>
/// <param name="PainBeforeTotal">The sum of their pain-before scores.</param>
/// <param name="PainAfterTotal">The sum of their pain-after scores.</param>
public sealed record SessionDay(DateOnly Day, int Sessions, int PainBeforeTotal, int PainAfterTotal);

/// <summary>One time a person did their routine.</summary>
public sealed class Session
{
    public Session(Guid id, PersonId person, SessionReport report, DateTimeOffset recordedAt, Assessments.TriageResult? escalation = null)
    {
        Id = id;
        PersonId = person.Value;
        RoutineId = report.RoutineId;
        StartedAt = report.StartedAt;
        CompletedAt = report.CompletedAt;
        PainBefore = report.PainBefore;
        PainAfter = report.PainAfter;
        Items = report.Items;
        RecordedAt = recordedAt;
        PainRise = Math.Max(report.PainAfter, report.Items.Max(i => i.PainDuring) ?? report.PainAfter) - report.PainBefore;
        NewSymptoms = [.. report.NewSymptoms ?? []];
        Escalation = escalation;
        EscalationLevel = escalation?.Level;
    }

    // For EF Core.
    private Session()
    {
        PersonId = string.Empty;
        Items = [];
        NewSymptoms = [];
    }

    /// <summary>Chosen by the client, so that a resend after a timeout never duplicates the session.</summary>
    public Guid Id { get; private set; }

    public string PersonId { get; private set; }

    public Guid RoutineId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset CompletedAt { get; private set; }

    public int PainBefore { get; private set; }

    public int PainAfter { get; private set; }

    public IReadOnlyList<SessionItem> Items { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// The highest pain reported in the session, during any exercise or after it, less the pain before (negative when
    /// pain only fell). Kept with the session so that sessions in which pain rose can be queried without parsing items.
    /// </summary>
    public int PainRise { get; private set; }

    /// <summary>Red-flag symptoms reported as new with this session, by item code.</summary>
    public IReadOnlyList<string> NewSymptoms { get; private set; }

    /// <summary>What the new symptoms need, as the red-flag rules read them when the session was logged; null without any.</summary>
    public Assessments.TriageResult? Escalation { get; private set; }

    /// <summary>A copy of the escalation's level, for finding the flags that hold a person's routines.</summary>
    public Assessments.TriageLevel? EscalationLevel { get; private set; }

    /// <summary>The exercises done in this session after which pain rose by <see cref="Progression.ReviewPainPoints"/> or more.</summary>
    public IReadOnlyList<string> ForReview =>
        [.. Items.Where(i => i.Done && Progression.RiseDuring(this, i) >= Progression.ReviewPainPoints).Select(i => i.Stretch)];

    public SessionReport Report => new(RoutineId, StartedAt, CompletedAt, PainBefore, PainAfter, Items, NewSymptoms);

    public bool BelongsTo(PersonId person) => PersonId == person.Value;
}
