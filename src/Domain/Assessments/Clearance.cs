using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Assessments;

/// <summary>
/// A clinician has seen the person since a red flag: every flag raised before the clearance was recorded, and before
/// the end of <see cref="ClearedOn"/> (UTC), stops holding their routines. Flags raised later need a clearance of their own.
/// </summary>
public sealed class Clearance
{
    public Clearance(Guid id, PersonId person, Guid assessmentId, string clearedBy, DateOnly clearedOn, DateTimeOffset recordedAt, string recordedBy)
    {
        Id = id;
        PersonId = person.Value;
        AssessmentId = assessmentId;
        ClearedBy = clearedBy;
        ClearedOn = clearedOn;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    // For EF Core.
    private Clearance()
    {
        PersonId = ClearedBy = RecordedBy = string.Empty;
    }

    /// <summary>Chosen by the client for an idempotent resend, or by the service.</summary>
    public Guid Id { get; private set; }

    public string PersonId { get; private set; }

    /// <summary>The assessment the clinician reviewed: one of the person's own.</summary>
    public Guid AssessmentId { get; private set; }

    /// <summary>Who saw the person: the clinician's name or role, as the person or partner recorded it.</summary>
    public string ClearedBy { get; private set; }

    /// <summary>The day the clinician saw them.</summary>
    public DateOnly ClearedOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Who recorded it: the person (<c>user:…</c>) or their partner (<c>partner:…</c>).</summary>
    public string RecordedBy { get; private set; }

    public bool BelongsTo(PersonId person) => PersonId == person.Value;
}
