using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Routines;

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

    /// <summary>The exercises done in this session that are for a clinician to look at (<see cref="Progression.ForReview"/>).</summary>
    public IReadOnlyList<string> ForReview =>
        [.. Items.Where(i => Progression.ForReview(this, i)).Select(i => i.Stretch)];

    public SessionReport Report => new(RoutineId, StartedAt, CompletedAt, PainBefore, PainAfter, Items, NewSymptoms);

    public bool BelongsTo(PersonId person) => PersonId == person.Value;
}
