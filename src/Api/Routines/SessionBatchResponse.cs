using SciaticaService.Domain.Routines;

namespace SciaticaService.Api.Routines;

/// <summary>What became of one session of a batch.</summary>
/// <param name="Id">The session id.</param>
/// <param name="Status"><c>created</c>, <c>unchanged</c>, <c>invalid</c>, <c>conflict</c> or <c>quota_exceeded</c> (BatchStatus).</param>
/// <param name="Errors">Problems by field, for invalid or conflicting sessions.</param>
/// <param name="Session">The stored session, when there is one.</param>
public sealed record SessionBatchResult(Guid Id, string Status, IReadOnlyDictionary<string, string[]> Errors, SessionResponse? Session);

/// <summary>Results in the order sent.</summary>
/// <param name="Results">One per session.</param>
public sealed record SessionBatchResponse(IReadOnlyList<SessionBatchResult> Results);
