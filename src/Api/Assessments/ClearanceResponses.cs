using SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

/// <summary>A clinician has seen the person since a red flag.</summary>
/// <param name="AssessmentId">The assessment the clinician reviewed: one of the person's own.</param>
/// <param name="ClearedBy">Who saw the person: the clinician's name or role, 1 to 200 characters.</param>
/// <param name="ClearedOn">The day of the visit, <c>yyyy-MM-dd</c>: not more than a day before the assessment, not in the future. Every flag raised before the clearance is recorded, and before the end of that day (UTC), stops holding the routine.</param>
/// <param name="Id">Optional client-chosen UUID that makes a resend safe.</param>
public sealed record RecordClearanceRequest(Guid? AssessmentId, string? ClearedBy, DateOnly? ClearedOn, Guid? Id = null);

/// <summary>A recorded clearance.</summary>
/// <param name="Id">The clearance's id.</param>
/// <param name="AssessmentId">The assessment the clinician reviewed.</param>
/// <param name="ClearedBy">Who saw the person.</param>
/// <param name="ClearedOn">The day of the visit.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="RecordedBy">Who recorded it: the person (<c>user:…</c>) or their partner (<c>partner:…</c>).</param>
public sealed record ClearanceResponse(Guid Id, Guid AssessmentId, string ClearedBy, DateOnly ClearedOn, DateTimeOffset RecordedAt, string RecordedBy)
{
    public static ClearanceResponse From(Clearance c) => new(c.Id, c.AssessmentId, c.ClearedBy, c.ClearedOn, c.RecordedAt, c.RecordedBy);
}

/// <summary>The person's clearances, newest first.</summary>
/// <param name="Items">The clearances.</param>
public sealed record ClearanceListResponse(IReadOnlyList<ClearanceResponse> Items);
