using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SciaticaService.Api.Http;
using SciaticaService.Domain.Administration;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Api.Admin;

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

        var limitInvalid = $"A whole number from 1 to {MaxLimit} is required.";
        var size = RequestValues.Limit(limit, limitInvalid, errors) ?? 50;
        if (size is < 1 or > MaxLimit)
        {
            errors.Add(new ValidationError("limit", limitInvalid));
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
