using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Assessments;

/// <summary>
/// Clearances: a red flag holds a person's routines until a clinician has seen them, whatever later questionnaires
/// say (CLINICAL.md: a flag stands until a clinician has seen the person). Recording that visit lifts the hold.
/// </summary>
public sealed class ClearanceService(IAssessmentStore assessments, IClearanceStore clearances, TimeProvider clock)
{
    public const int MaxClearedByLength = 200;

    public Task<(Clearance Clearance, bool Created)> RecordAsync(
        Caller caller, Guid? clientId, Guid? assessmentId, string? clearedBy, DateOnly? clearedOn, CancellationToken cancellationToken) =>
        RecordAsync(caller, clientId, assessmentId, clearedBy, clearedOn, [], cancellationToken);

    /// <summary>
    /// As the other overload, reporting <paramref name="unread"/>, the fields the transport could not read (a malformed
    /// id or day, named as REST names it; not checked again), with every other problem of the request in one error.
    /// </summary>
    public async Task<(Clearance Clearance, bool Created)> RecordAsync(
        Caller caller, Guid? clientId, Guid? assessmentId, string? clearedBy, DateOnly? clearedOn, IReadOnlyList<ValidationError> unread,
        CancellationToken cancellationToken)
    {
        var person = Persons.Of(caller);
        var now = StoredMoment.Now(clock);
        var errors = new List<ValidationError>(unread);
        bool Read(string field) => !unread.Any(e => e.Field == field);
        if (clientId == Guid.Empty)
        {
            errors.Add(new ValidationError("id", "The id must not be the empty UUID."));
        }

        if (Read("assessmentId") && (assessmentId is null || assessmentId == Guid.Empty))
        {
            errors.Add(new ValidationError("assessmentId", "Name the assessment the clinician reviewed."));
        }

        var who = clearedBy?.Trim();
        if (string.IsNullOrEmpty(who) || who.Length > MaxClearedByLength || who.Any(char.IsControl))
        {
            errors.Add(new ValidationError("clearedBy", $"Who saw you: 1 to {MaxClearedByLength} characters, without control characters."));
        }

        // A day ahead of UTC allows for time zones east of it; a visit cannot be later than that.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (Read("clearedOn") && clearedOn is null)
        {
            errors.Add(new ValidationError("clearedOn", "The day the clinician saw you, yyyy-MM-dd."));
        }
        else if (clearedOn > today.AddDays(1))
        {
            errors.Add(new ValidationError("clearedOn", "A clinician's visit cannot be in the future."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors, ErrorCodes.InvalidClearance);
        }

        var assessment = await assessments.FindAsync(assessmentId!.Value, cancellationToken);
        if (assessment is null || !assessment.BelongsTo(person))
        {
            throw new NotFoundException("assessment", assessmentId.Value.ToString());
        }

        // A day's grace for time zones west of UTC, where the evening's assessment is already tomorrow in UTC.
        if (clearedOn < DateOnly.FromDateTime(assessment.CreatedAt.UtcDateTime).AddDays(-1))
        {
            throw new ValidationException(
                [new ValidationError("clearedOn", "The clinician saw you before this assessment: a visit can only clear what was known by then.")],
                ErrorCodes.InvalidClearance);
        }

        var clearance = new Clearance(clientId ?? Guid.CreateVersion7(now), person, assessment.Id, who!, clearedOn!.Value, now, RecorderOf(caller));
        var (stored, created) = await clearances.AddOrGetAsync(
            clearance, Feed.PartnerEvent.For(caller, Feed.PartnerEvent.ClearanceRecorded, clearance.Id, now), cancellationToken);
        if (!created && !(stored.BelongsTo(person) && stored.AssessmentId == clearance.AssessmentId && stored.ClearedBy == clearance.ClearedBy
                          && stored.ClearedOn == clearance.ClearedOn))
        {
            throw new DomainException(ErrorKind.Conflict, ErrorCodes.ClearanceConflict,
                $"The id {clearance.Id} is already taken by another clearance; send this one under a new id.");
        }

        return (stored, created);
    }

    /// <summary>One of the caller's clearances; someone else's is reported as not found.</summary>
    public async Task<Clearance> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var person = Persons.Of(caller);
        return (await clearances.ListAsync(person, cancellationToken)).FirstOrDefault(c => c.Id == id) ?? throw new NotFoundException("clearance", id.ToString());
    }

    public Task<IReadOnlyList<Clearance>> ListAsync(Caller caller, CancellationToken cancellationToken) =>
        clearances.ListAsync(Persons.Of(caller), cancellationToken);

    private static string RecorderOf(Caller caller) => caller.Kind == CallerKind.Partner ? caller.Subject : caller.Person!.Value.Value;
}
