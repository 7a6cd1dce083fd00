using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Routines;

/// <summary>
/// One version of a person's routine. Versions are immutable: a reassessment or a progression step makes a new one,
/// and sessions keep pointing at the version they were done with.
/// </summary>
public sealed class Routine
{
    public Routine(
        Guid id, PersonId person, int version, Guid assessmentId, DateTimeOffset createdAt, int minutesPerDay, int estimatedMinutes,
        IReadOnlyList<RoutineItem> items, IReadOnlyList<string> safeFor, IReadOnlyList<RoutineChange> changes, Guid? previousId,
        IReadOnlyList<Assessments.Screen>? screens = null, string? idempotencyKey = null)
    {
        Id = id;
        PersonId = person.Value;
        Version = version;
        AssessmentId = assessmentId;
        CreatedAt = createdAt;
        MinutesPerDay = minutesPerDay;
        EstimatedMinutes = estimatedMinutes;
        Items = items;
        SafeFor = [.. safeFor];
        Changes = changes;
        PreviousId = previousId;
        Screens = [.. screens ?? []];
        IdempotencyKey = idempotencyKey;
    }

    // For EF Core.
    private Routine()
    {
        PersonId = string.Empty;
        Items = [];
        SafeFor = [];
        Changes = [];
        Screens = [];
    }

    public Guid Id { get; private set; }

    public string PersonId { get; private set; }

    /// <summary>1 for the person's first routine, then one more for each reassessment or progression step.</summary>
    public int Version { get; private set; }

    /// <summary>The assessment the routine was built for.</summary>
    public Guid AssessmentId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int MinutesPerDay { get; private set; }

    public int EstimatedMinutes { get; private set; }

    public IReadOnlyList<RoutineItem> Items { get; private set; }

    /// <summary>The causes every item is safe for.</summary>
    public IReadOnlyList<string> SafeFor { get; private set; }

    /// <summary>The person's screens that every item respects, now and in later versions.</summary>
    public IReadOnlyList<Assessments.Screen> Screens { get; private set; }

    /// <summary>What changed from the previous version, and why; empty for a routine built from an assessment.</summary>
    public IReadOnlyList<RoutineChange> Changes { get; private set; }

    public Guid? PreviousId { get; private set; }

    /// <summary>The client's key for the change that made this version, if it sent one (<see cref="IdempotencyKeys"/>).</summary>
    public string? IdempotencyKey { get; private set; }

    public bool BelongsTo(PersonId person) => PersonId == person.Value;

    /// <summary>This version as it must be kept to further causes and screens (from a later assessment), unchanged otherwise.</summary>
    public Routine HeldTo(IReadOnlyList<string> safeFor, IReadOnlyList<Assessments.Screen> screens) =>
        new(Id, new PersonId(PersonId), Version, AssessmentId, CreatedAt, MinutesPerDay, EstimatedMinutes, Items, safeFor, Changes, PreviousId, screens, IdempotencyKey);

    /// <summary>This version with its reasons written otherwise (in another language, to be read); never stored.</summary>
    public Routine WithReasons(IReadOnlyList<RoutineItem> items, IReadOnlyList<RoutineChange> changes)
=>
        new(Id, new PersonId(PersonId), Version, AssessmentId, CreatedAt, MinutesPerDay, EstimatedMinutes, items, SafeFor, changes, PreviousId, Screens, IdempotencyKey);
}
