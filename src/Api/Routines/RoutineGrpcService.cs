using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using SciaticaService.Api.Http;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Routines;
using Model = SciaticaService.Domain.Routines;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Routines;

[Authorize]
public sealed class RoutineGrpcService(RoutineService routines, Domain.Content.ContentQueries content) : V1.RoutineService.RoutineServiceBase
{
    public override async Task<V1.Routine> CreateRoutine(V1.CreateRoutineRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        var unread = new List<ValidationError>();
        var assessmentId = RequestValues.Uuid(request.AssessmentId, "assessmentId", unread);
        var (routine, _) = await routines.CreateAsync(
            caller, assessmentId ?? Guid.Empty, request.MinutesPerDay, NullIfEmpty(request.IdempotencyKey), unread, context.CancellationToken);
        return await MessageAsync(routine, context);
    }

    public override async Task<V1.Routine> GetRoutine(V1.GetRoutineRequest request, ServerCallContext context)
    {
        var routine = await routines.GetAsync(context.GetHttpContext().GetCaller(request.MemberId), RequestValues.Uuid(request.Id, "id"), context.CancellationToken);
        return await MessageAsync(routine, context);
    }

    public override async Task<V1.Routine> GetCurrentRoutine(V1.GetCurrentRoutineRequest request, ServerCallContext context)
    {
        var routine = await routines.GetCurrentAsync(context.GetHttpContext().GetCaller(request.MemberId), context.CancellationToken);
        return await MessageAsync(routine, context);
    }

    /// <summary>
    /// The routine in the language of the call's <c>accept-language</c>, announced in the response metadata: stretch
    /// names and the reasons for its items and changes.
    /// </summary>
    private async Task<V1.Routine> MessageAsync(Domain.Routines.Routine routine, ServerCallContext context)
    {
        var language = await Content.RequestLanguage.AnnounceAsync(context);
        return RoutineMessages.ToMessage(
            await content.RoutineInAsync(routine, language, context.CancellationToken), await content.StretchNamesAsync(language, context.CancellationToken));
    }

    public override async Task<V1.AdjustRoutineResponse> AdjustRoutine(V1.AdjustRoutineRequest request, ServerCallContext context)
    {
        var (routine, changed) = await routines.AdjustAsync(
            context.GetHttpContext().GetCaller(request.MemberId), RequestValues.Uuid(request.Id, "id"), NullIfEmpty(request.IdempotencyKey), context.CancellationToken);
        return new V1.AdjustRoutineResponse { Changed = changed, Routine = await MessageAsync(routine, context) };
    }

    // proto3 strings cannot be absent: empty means no key.
    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
