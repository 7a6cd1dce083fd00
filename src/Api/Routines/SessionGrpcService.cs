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
public sealed class SessionGrpcService(SessionService sessions, Domain.Content.ContentQueries content) : V1.SessionService.SessionServiceBase
{
    public override async Task<V1.PutSessionResponse> PutSession(V1.PutSessionRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        var unread = new List<ValidationError>();
        var id = RequestValues.Uuid(request.Id, "sessionId", unread);
        var report = RoutineMessages.ReadReport(request.Report, unread) ?? throw new ValidationException(unread, ErrorCodes.InvalidSession);
        var logged = await sessions.PutAsync(caller, id ?? Guid.Empty, report, unread, context.CancellationToken);
        var language = await Content.RequestLanguage.AnnounceAsync(context);
        return new V1.PutSessionResponse
        {
            Session = RoutineMessages.ToMessage(logged.Session, await content.StretchNamesAsync(language, context.CancellationToken), language),
            Created = logged.Created,
            AdjustedRoutineId = logged.AdjustedRoutine?.Id.ToString() ?? string.Empty,
            RoutineNeedsReview = logged.RoutineNeedsReview,
        };
    }

    public override async Task<V1.PutSessionBatchResponse> PutSessionBatch(V1.PutSessionBatchRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        // Results are keyed by id, so ids that cannot be read fail the whole batch (all of them named); the rest of a
        // session's problems belong to that session's result.
        var badIds = new List<ValidationError>();
        var batch = request.Sessions.Select((s, i) =>
        {
            var id = RequestValues.Uuid(s.Id, $"sessions[{i}].id", badIds);
            var unread = new List<ValidationError>();
            return (id ?? Guid.Empty, RoutineMessages.ReadReport(s.Report, unread), (IReadOnlyList<ValidationError>)unread);
        }).ToList();
        if (badIds.Count > 0)
        {
            throw new ValidationException(badIds);
        }

        var outcomes = await sessions.PutBatchAsync(caller, batch, context.CancellationToken);
        var language = await Content.RequestLanguage.AnnounceAsync(context);
        var names = await content.StretchNamesAsync(language, context.CancellationToken);
        return new V1.PutSessionBatchResponse
        {
            Results =
            {
                outcomes.Select(o => new V1.BatchResult
                {
                    Id = o.Id.ToString(),
                    Status = o.Status,
                    // Named as the batch entry has them over gRPC (report.pain_after), as a rich status names fields.
                    Errors = { o.Errors.Select(e => new V1.FieldError { Field = Errors.ProtoFieldPath.Of(V1.BatchSession.Descriptor, e.Field), Message = e.Message }) },
                    Session = o.Logged is null ? null : RoutineMessages.ToMessage(o.Logged.Session, names, language),
                    AdjustedRoutineId = o.Logged?.AdjustedRoutine?.Id.ToString() ?? string.Empty,
                    RoutineNeedsReview = o.Logged?.RoutineNeedsReview ?? false,
                }),
            },
        };
    }

    public override async Task<V1.Session> GetSession(V1.GetSessionRequest request, ServerCallContext context)
    {
        var session = await sessions.GetAsync(context.GetHttpContext().GetCaller(request.MemberId), RequestValues.Uuid(request.Id, "id"), context.CancellationToken);
        var language = await Content.RequestLanguage.AnnounceAsync(context);
        return RoutineMessages.ToMessage(session, await content.StretchNamesAsync(language, context.CancellationToken), language);
    }
}
