using SciaticaService.Api.Privacy;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SciaticaService.Api.Http;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Routines;

namespace SciaticaService.Api.Routines;

public static class RoutineEndpoints
{
    public static IEndpointRouteBuilder MapRoutineEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").RequireAuthorization().RecordsAccess()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        var routines = group.MapGroup(string.Empty).WithTags("Routines").WithMetadata(OpenApi.LanguageNegotiated.Instance);
        routines.MapPost("/routines", CreateRoutine).WithName(nameof(CreateRoutine))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        routines.MapGet("/routines/{id}", GetRoutine).WithName(nameof(GetRoutine)).ProducesProblem(StatusCodes.Status404NotFound);
        routines.MapGet("/me/routines/current", GetCurrentRoutine).WithName(nameof(GetCurrentRoutine)).ProducesProblem(StatusCodes.Status404NotFound);
        routines.MapPost("/routines/{id}/adjust", AdjustRoutine).WithName(nameof(AdjustRoutine))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var sessions = group.MapGroup(string.Empty).WithTags("Sessions").WithMetadata(OpenApi.LanguageNegotiated.Instance);
        sessions.MapPut("/sessions/{sessionId}", PutSession).WithName(nameof(PutSession))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        sessions.MapGet("/sessions/{sessionId}", GetSession).WithName(nameof(GetSession)).ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapPost("/sessions:batch", PutSessionBatch).WithName(nameof(PutSessionBatch)).ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/me/progress", GetProgress).WithTags("Progress").WithName(nameof(GetProgress)).ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    /// <summary>Builds and stores a routine for one of the caller's assessments: a new version of their routine.</summary>
    /// <remarks>
    /// 409 <c>routine_not_allowed</c>, with the triage advice, after an emergency or urgent assessment; 409
    /// <c>clearance_required</c> while an earlier red flag holds routines. With an <c>Idempotency-Key</c>, a retry gets
    /// the routine the first attempt made (200) instead of a second version.
    /// </remarks>
    /// <param name="idempotencyKey">A key of the client's for this change, 1 to 128 visible ASCII characters.</param>
    public static async Task<Results<Created<RoutineResponse>, Ok<RoutineResponse>>> CreateRoutine(
        CreateRoutineRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, RoutineService routines, ContentQueries content,
        HttpContext context, CancellationToken cancellationToken)
    {
        var (routine, created) = await routines.CreateAsync(context.GetCaller(), request.AssessmentId, request.MinutesPerDay, idempotencyKey, cancellationToken);
        var response = await ResponseAsync(routine, content, context, cancellationToken);
        return created ? TypedResults.Created($"/api/v1/routines/{routine.Id}", response) : TypedResults.Ok(response);
    }

    /// <summary>
    /// The routine in the caller's language, which the response announces (<c>Content-Language</c>): stretch names and
    /// the reasons for its items and changes.
    /// </summary>
    private static async Task<RoutineResponse> ResponseAsync(Routine routine, ContentQueries content, HttpContext context, CancellationToken cancellationToken)
    {
        var language = Content.RequestLanguage.Announce(context);
        return RoutineResponse.From(await content.RoutineInAsync(routine, language, cancellationToken), await content.StretchNamesAsync(language, cancellationToken));
    }

    /// <summary>One of the caller's routine versions.</summary>
    /// <param name="id">The routine version id.</param>
    public static async Task<Ok<RoutineResponse>> GetRoutine(
        Guid id, RoutineService routines, ContentQueries content, HttpContext context, CancellationToken cancellationToken)
    {
        var routine = await routines.GetAsync(context.GetCaller(), id, cancellationToken);
        return TypedResults.Ok(await ResponseAsync(routine, content, context, cancellationToken));
    }

    /// <summary>The caller's current routine: the latest version.</summary>
    public static async Task<Ok<RoutineResponse>> GetCurrentRoutine(
        RoutineService routines, ContentQueries content, HttpContext context, CancellationToken cancellationToken)
    {
        var routine = await routines.GetCurrentAsync(context.GetCaller(), cancellationToken);
        return TypedResults.Ok(await ResponseAsync(routine, content, context, cancellationToken));
    }

    /// <summary>Applies progression now (it also runs after every logged session): easier after pain rose, harder after easy sessions.</summary>
    /// <param name="id">The current routine version's id.</param>
    /// <param name="idempotencyKey">A key of the client's for this change: a retry after it made a new version gets that version.</param>
    public static async Task<Ok<AdjustRoutineResponse>> AdjustRoutine(
        Guid id, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, RoutineService routines, ContentQueries content, HttpContext context,
        CancellationToken cancellationToken)
    {
        var (routine, changed) = await routines.AdjustAsync(context.GetCaller(), id, idempotencyKey, cancellationToken);
        return TypedResults.Ok(new AdjustRoutineResponse(changed, await ResponseAsync(routine, content, context, cancellationToken)));
    }

    /// <summary>Logs a session under the client's own id: the same PUT again changes nothing; different details under the id are a 409.</summary>
    /// <remarks>201 when stored, 200 when it had been stored before. An invalid item rejects the whole session with every problem listed.</remarks>
    /// <param name="sessionId">A UUID the client chose for this session.</param>
    public static async Task<Results<Created<SessionResponse>, Ok<SessionResponse>>> PutSession(
        Guid sessionId, SessionReport report, SessionService sessions, ContentQueries content, HttpContext context, CancellationToken cancellationToken)
    {
        var logged = await sessions.PutAsync(context.GetCaller(), sessionId, report.ToModel(), cancellationToken);
        var language = Content.RequestLanguage.Announce(context);
        var response = SessionResponse.From(logged, await content.StretchNamesAsync(language, cancellationToken), language);
        return logged.Created ? TypedResults.Created($"/api/v1/sessions/{sessionId}", response) : TypedResults.Ok(response);
    }

    /// <summary>One of the caller's sessions.</summary>
    /// <param name="sessionId">The session id.</param>
    public static async Task<Ok<SessionResponse>> GetSession(
        Guid sessionId, SessionService sessions, ContentQueries content, HttpContext context, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(context.GetCaller(), sessionId, cancellationToken);
        var language = Content.RequestLanguage.Announce(context);
        var names = await content.StretchNamesAsync(language, cancellationToken);
        return TypedResults.Ok(SessionResponse.From(session, await content.StretchNamesAsync(language, cancellationToken), language));
    }

    /// <summary>Logs up to 100 sessions at once (offline sync), each on its own: the response says what became of each.</summary>
    public static async Task<Ok<SessionBatchResponse>> PutSessionBatch(
        SessionBatchRequest request, SessionService sessions, ContentQueries content, HttpContext context, CancellationToken cancellationToken)
    {
        var outcomes = await sessions.PutBatchAsync(
            context.GetCaller(), [.. (request.Sessions ?? []).Select(s => (s?.Id ?? Guid.Empty, s?.Report.ToModel()))], cancellationToken);
        var language = Content.RequestLanguage.Announce(context);
        var names = await content.StretchNamesAsync(language, cancellationToken);
        return TypedResults.Ok(new SessionBatchResponse([.. outcomes.Select(o => new SessionBatchResult(
            o.Id,
            o.Status,
            o.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            o.Logged is null ? null : SessionResponse.From(o.Logged, names, language)))]));
    }

    /// <summary>Progress over a period: sessions per week against plan, streaks, pain before and after by week, SBI and ODI over assessments, and flags.</summary>
    /// <param name="from">First day, <c>yyyy-MM-dd</c> (default: 8 weeks before <c>to</c>).</param>
    /// <param name="to">Last day, <c>yyyy-MM-dd</c> (default: today, UTC).</param>
    public static async Task<Ok<ProgressReport>> GetProgress(
        [FromQuery] string? from, [FromQuery] string? to, ProgressService progress, HttpContext context, CancellationToken cancellationToken)
    {
        var unread = new List<ValidationError>();
        var start = RequestValues.Day("from", from, unread);
        var end = RequestValues.Day("to", to, unread);
        return TypedResults.Ok(ProgressReport.Of(await progress.GetAsync(context.GetCaller(), start, end, unread, cancellationToken)));
    }
}
