namespace SciaticaService.Api.Assessments;

/// <summary>A clinician has seen the person since a red flag.</summary>
/// <param name="AssessmentId">The assessment the clinician reviewed: one of the person's own.</param>
/// <param name="ClearedBy">Who saw the person: the clinician's name or role, 1 to 200 characters.</param>
/// <param name="ClearedOn">The day of the visit, <c>yyyy-MM-dd</c>: not more than a day before the assessment, not in the future. Every flag raised before the clearance is recorded, and before the end of that day (UTC), stops holding the routine.</param>
/// <param name="Id">Optional client-chosen UUID that makes a resend safe.</param>
public sealed record RecordClearanceRequest(Guid? AssessmentId, string? ClearedBy, DateOnly? ClearedOn, Guid? Id = null);
