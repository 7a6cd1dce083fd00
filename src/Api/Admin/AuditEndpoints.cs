using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SciaticaService.Domain.Administration;
using SciaticaService.Domain.Errors;

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

/// <summary>A page of the audit log, newest first.</summary>
/// <param name="Entries">The entries.</param>
/// <param name="NextBefore">The <c>before</c> value for the next (older) page; null on the last page.</param>
public sealed record AuditPageResponse(IReadOnlyList<AuditEntryResponse> Entries, long? NextBefore);

public static class AuditEndpoints
{
    private const int MaxLimit = 200;

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/audit", ListAudit).WithName(nameof(ListAudit)).ProducesProblem(StatusCodes.Status400BadRequest);
        return admin;
    }

    /// <summary>Lists admin changes, newest first.</summary>
    /// <param name="target">Only changes to this target, e.g. <c>stretch:figure-four-stretch</c> or <c>partner:{id}</c>.</param>
    /// <param name="before">Only entries with a smaller id: the <c>nextBefore</c> of the previous page.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    public static async Task<Ok<AuditPageResponse>> ListAudit(
        [FromQuery] string? target, [FromQuery] string? before, [FromQuery] string? limit, IAuditLog audit, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        long? beforeId = null;
        if (!string.IsNullOrEmpty(before))
        {
            if (long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                beforeId = parsed;
            }
            else
            {
                errors.Add(new ValidationError("before", "A positive whole number (an entry id) is required."));
            }
        }

        var size = 50;
        if (!string.IsNullOrEmpty(limit) && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= MaxLimit))
        {
            errors.Add(new ValidationError("limit", $"A whole number from 1 to {MaxLimit} is required."));
        }

        if (target is { Length: > 200 })
        {
            errors.Add(new ValidationError("target", "At most 200 characters."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors, ErrorCodes.InvalidQuery);
        }

        var entries = await audit.ListAsync(beforeId, size, string.IsNullOrEmpty(target) ? null : target, cancellationToken);
        var page = entries.Select(e => new AuditEntryResponse(e.Id, e.At, e.Actor, e.Action, e.Target, Parse(e.Before), Parse(e.After))).ToList();
        return TypedResults.Ok(new AuditPageResponse(page, entries.Count == size ? entries[^1].Id : null));
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
