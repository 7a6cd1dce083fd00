using SciaticaService.Api.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

public static class ClearanceEndpoints
{
    public static IEndpointRouteBuilder MapClearanceEndpoints(this IEndpointRouteBuilder routes)
    {
        var clearances = routes.MapGroup("/api/v1/me").WithTags("Assessments").RequireAuthorization().RecordsAccess()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        clearances.MapPost("/clearances", RecordClearance).WithName(nameof(RecordClearance))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        clearances.MapGet("/clearances", ListClearances).WithName(nameof(ListClearances));
        clearances.MapGet("/clearances/{id}", GetClearance).WithName(nameof(GetClearance)).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>Records that a clinician has seen the caller since a red flag: it lifts every flag raised before it was recorded, up to the end of the visit's day.</summary>
    /// <remarks>
    /// An emergency or urgent assessment, or a session that reported a new red-flag symptom, holds the routine until
    /// then; a later clean questionnaire alone does not (409 <c>clearance_required</c>). 201 when recorded, 200 for a
    /// resend under the same id.
    /// </remarks>
    public static async Task<Results<Created<ClearanceResponse>, Ok<ClearanceResponse>>> RecordClearance(
        RecordClearanceRequest request, ClearanceService clearances, HttpContext context, CancellationToken cancellationToken)
    {
        var (clearance, created) = await clearances.RecordAsync(
            context.GetCaller(), request.Id, request.AssessmentId, request.ClearedBy, request.ClearedOn, cancellationToken);
        var response = ClearanceResponse.From(clearance);
        return created ? TypedResults.Created($"/api/v1/me/clearances/{clearance.Id}", response) : TypedResults.Ok(response);
    }

    /// <summary>One of the caller's clearances.</summary>
    /// <param name="id">The clearance id.</param>
    public static async Task<Ok<ClearanceResponse>> GetClearance(Guid id, ClearanceService clearances, HttpContext context, CancellationToken cancellationToken) =>
        TypedResults.Ok(ClearanceResponse.From(await clearances.GetAsync(context.GetCaller(), id, cancellationToken)));

    /// <summary>The caller's clearances, newest first: part of their history.</summary>
    public static async Task<Ok<ClearanceListResponse>> ListClearances(ClearanceService clearances, HttpContext context, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ClearanceListResponse([.. (await clearances.ListAsync(context.GetCaller(), cancellationToken)).Select(ClearanceResponse.From)]));
}
