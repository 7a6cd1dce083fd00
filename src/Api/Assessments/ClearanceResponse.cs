using SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

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
