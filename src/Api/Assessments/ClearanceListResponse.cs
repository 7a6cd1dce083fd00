namespace SciaticaService.Api.Assessments;

/// <summary>The person's clearances, newest first.</summary>
/// <param name="Items">The clearances.</param>
public sealed record ClearanceListResponse(IReadOnlyList<ClearanceResponse> Items);
