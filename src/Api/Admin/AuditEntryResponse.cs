using System.Text.Json;

namespace SciaticaService.Api.Admin;

/// <summary>One admin change.</summary>
/// <param name="Id">Increasing id; pass the last one as <c>before</c> for the next page.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who: the admin's subject.</param>
/// <param name="Action">What was done, e.g. <c>stretch.updated</c>.</param>
/// <param name="Target">What it was done to, e.g. <c>stretch:figure-four-stretch</c>.</param>
/// <param name="Before">The state before, or null for a creation.</param>
/// <param name="After">The state after, or null for a deletion.</param>
public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Actor, string Action, string Target, JsonElement? Before, JsonElement? After);
