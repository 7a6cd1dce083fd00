namespace SciaticaService.Api.Privacy;

/// <summary>A page of the access log, newest first.</summary>
/// <param name="Items">The entries.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next, older page; null on the last.</param>
public sealed record AccessLogPageResponse(IReadOnlyList<AccessLogEntryResponse> Items, string? NextCursor);
