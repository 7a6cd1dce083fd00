namespace SciaticaService.Api.Assessments;

/// <summary>A page of assessments, newest first.</summary>
/// <param name="Items">The assessments.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next, older page; null on the last.</param>
public sealed record AssessmentPageResponse(IReadOnlyList<AssessmentResponse> Items, string? NextCursor);
