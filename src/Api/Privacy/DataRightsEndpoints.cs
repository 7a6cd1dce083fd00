using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SciaticaService.Api.Assessments;
using SciaticaService.Api.Http;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Privacy;

namespace SciaticaService.Api.Privacy;

/// <summary>A person's data rights: export (GDPR art. 15 and 20), the access log, erasure (art. 17).</summary>
public static class DataRightsEndpoints
{
    public static IEndpointRouteBuilder MapDataRightsEndpoints(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/api/v1/me").WithTags("Data rights").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        me.MapGet("/export", ExportMyData).WithName(nameof(ExportMyData))
            .Produces<PersonalDataExport>(StatusCodes.Status200OK, "application/json", FhirBundle.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        me.MapGet("/access-log", ListMyAccessLog).WithName(nameof(ListMyAccessLog)).ProducesProblem(StatusCodes.Status400BadRequest);
        routes.MapDelete("/api/v1/me", EraseMe).WithName(nameof(EraseMe)).WithTags("Data rights").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    /// <summary>Admin routes: erasing a person named by id.</summary>
    public static RouteGroupBuilder MapPersonAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapDelete("/persons/{personId}", ErasePerson).WithName(nameof(ErasePerson)).ProducesProblem(StatusCodes.Status400BadRequest);
        return admin;
    }

    /// <summary>Everything the service holds about the caller (a partner: about its member), to keep or take elsewhere.</summary>
    /// <remarks>
    /// <c>format=json</c> (the default): assessments with answers and results, every routine version, sessions,
    /// clearances and progress, in the shapes the other endpoints use. <c>format=fhir</c>: one FHIR R4 Bundle
    /// (<c>application/fhir+json</c>) with a QuestionnaireResponse and score Observations per assessment, and each
    /// session as a Procedure with its pain before and after as Observations.
    /// </remarks>
    /// <param name="format"><c>json</c> or <c>fhir</c>.</param>
    public static async Task<FileContentHttpResult> ExportMyData(
        [FromQuery] string? format, DataRightsService rights, AssessmentService assessments, Domain.Content.ContentQueries content, TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, HttpContext context, CancellationToken cancellationToken)
    {
        var chosen = PersonalDataDocument.FormatOf(format);
        var data = await rights.ExportAsync(context.GetCaller(), cancellationToken);
        var document = await PersonalDataDocument.RenderAsync(chosen, data, assessments, content, json.Value.SerializerOptions, clock.GetUtcNow(), cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(document.Body, document.MediaType);
    }

    /// <summary>Who read or changed the caller's data and when, newest first: the person themself or a partner acting for them.</summary>
    /// <remarks>Entries are written within a second of the request. Admins have no route that reads a person's data.</remarks>
    /// <param name="limit">Entries per page, 1 to 200 (default 50).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<AccessLogPageResponse>> ListMyAccessLog(
        [FromQuery] string? limit, [FromQuery] string? cursor, DataRightsService rights, HttpContext context, CancellationToken cancellationToken)
    {
        var size = RequestValues.Limit(limit, $"A whole number from 1 to {DataRightsService.MaxAccessLogPage}.");
        var (entries, next) = await rights.ListAccessAsync(context.GetCaller(), cursor, size, cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new AccessLogPageResponse([.. entries.Select(AccessLogEntryResponse.From)], next));
    }

    /// <summary>Erases everything held about the caller (a partner: about its member), at once and for good.</summary>
    /// <remarks>
    /// One transaction removes every assessment, routine, session, clearance and access log entry; afterwards their
    /// ids answer 404. The audit log keeps that an erasure happened, when and by whom, naming the person only by a
    /// SHA-256 digest of their person id. A partner's feed gets <c>member.erased</c>, and the member's earlier events
    /// leave it. Repeating the call is harmless: 204 again.
    /// </remarks>
    public static async Task<NoContent> EraseMe(DataRightsService rights, HttpContext context, CancellationToken cancellationToken)
    {
        await rights.EraseAsync(context.GetCaller(), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Erases a person by their person id, as <c>GET /api/v1/me</c> shows it; the audit log names the admin.</summary>
    /// <remarks>204 whether or not anything was held about them.</remarks>
    /// <param name="personId"><c>user:</c> and a subject, or <c>member:</c>, a partner id (32 hex digits), <c>:</c> and a member id; URL-encoded.</param>
    public static async Task<NoContent> ErasePerson(string personId, DataRightsService rights, HttpContext context, CancellationToken cancellationToken)
    {
        await rights.EraseAsAdminAsync(context.GetCaller(), personId, cancellationToken);
        return TypedResults.NoContent();
    }
}
