using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Routines;
using Model = SciaticaService.Domain.Routines;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Routines;

[Authorize]
public sealed class RoutineGrpcService(RoutineService routines) : V1.RoutineService.RoutineServiceBase
{
    public override async Task<V1.Routine> CreateRoutine(V1.CreateRoutineRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        var unread = new List<ValidationError>();
        var assessmentId = RoutineMessages.Id(request.AssessmentId, "assessmentId", unread);
        var (routine, _) = await routines.CreateAsync(
            caller, assessmentId ?? Guid.Empty, request.MinutesPerDay, NullIfEmpty(request.IdempotencyKey), unread, context.CancellationToken);
        return RoutineMessages.ToMessage(routine);
    }

    public override async Task<V1.Routine> GetRoutine(V1.GetRoutineRequest request, ServerCallContext context) =>
        RoutineMessages.ToMessage(await routines.GetAsync(
            context.GetHttpContext().GetCaller(request.MemberId), RoutineMessages.Id(request.Id, "id"), context.CancellationToken));

    public override async Task<V1.Routine> GetCurrentRoutine(V1.GetCurrentRoutineRequest request, ServerCallContext context) =>
        RoutineMessages.ToMessage(await routines.GetCurrentAsync(context.GetHttpContext().GetCaller(request.MemberId), context.CancellationToken));

    public override async Task<V1.AdjustRoutineResponse> AdjustRoutine(V1.AdjustRoutineRequest request, ServerCallContext context)
    {
        var (routine, changed) = await routines.AdjustAsync(
            context.GetHttpContext().GetCaller(request.MemberId), RoutineMessages.Id(request.Id, "id"), NullIfEmpty(request.IdempotencyKey), context.CancellationToken);
        return new V1.AdjustRoutineResponse { Changed = changed, Routine = RoutineMessages.ToMessage(routine) };
    }

    // proto3 strings cannot be absent: empty means no key.
    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

[Authorize]
public sealed class SessionGrpcService(SessionService sessions) : V1.SessionService.SessionServiceBase
{
    public override async Task<V1.PutSessionResponse> PutSession(V1.PutSessionRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        var unread = new List<ValidationError>();
        var id = RoutineMessages.Id(request.Id, "sessionId", unread);
        var report = RoutineMessages.ReadReport(request.Report, unread) ?? throw new ValidationException(unread, ErrorCodes.InvalidSession);
        var logged = await sessions.PutAsync(caller, id ?? Guid.Empty, report, unread, context.CancellationToken);
        return new V1.PutSessionResponse
        {
            Session = RoutineMessages.ToMessage(logged.Session),
            Created = logged.Created,
            AdjustedRoutineId = logged.AdjustedRoutine?.Id.ToString() ?? string.Empty,
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
            var id = RoutineMessages.Id(s.Id, $"sessions[{i}].id", badIds);
            var unread = new List<ValidationError>();
            return (id ?? Guid.Empty, RoutineMessages.ReadReport(s.Report, unread), (IReadOnlyList<ValidationError>)unread);
        }).ToList();
        if (badIds.Count > 0)
        {
            throw new ValidationException(badIds);
        }

        var outcomes = await sessions.PutBatchAsync(caller, batch, context.CancellationToken);
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
                    Session = o.Logged is null ? null : RoutineMessages.ToMessage(o.Logged.Session),
                }),
            },
        };
    }

    public override async Task<V1.Session> GetSession(V1.GetSessionRequest request, ServerCallContext context) =>
        RoutineMessages.ToMessage(await sessions.GetAsync(
            context.GetHttpContext().GetCaller(request.MemberId), RoutineMessages.Id(request.Id, "id"), context.CancellationToken));
}

[Authorize]
public sealed class ProgressGrpcService(ProgressService progress) : V1.ProgressService.ProgressServiceBase
{
    public override async Task<V1.Progress> GetProgress(V1.GetProgressRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        var unread = new List<ValidationError>();
        var from = RoutineMessages.Day("from", request.From, unread);
        var to = RoutineMessages.Day("to", request.To, unread);
        var report = await progress.GetAsync(caller, from, to, unread, context.CancellationToken);
        var message = new V1.Progress
        {
            From = ProgressCalculator.Iso(report.From),
            To = ProgressCalculator.Iso(report.To),
            CurrentStreak = report.CurrentStreak,
            LongestStreak = report.LongestStreak,
            Flags = { report.Flags.Select(f => new V1.ProgressFlag { Code = f.Code, Message = f.Message }) },
            Warnings = { report.Warnings.Select(f => new V1.ProgressFlag { Code = f.Code, Message = f.Message }) },
        };
        foreach (var week in report.Weeks)
        {
            var w = new V1.WeekProgress { WeekStart = ProgressCalculator.Iso(week.WeekStart), SessionsDone = week.SessionsDone, SessionsPlanned = week.SessionsPlanned };
            if (week.Adherence is { } adherence)
            {
                w.Adherence = adherence;
            }

            if (week.AveragePainBefore is { } before)
            {
                w.AveragePainBefore = before;
            }

            if (week.AveragePainAfter is { } after)
            {
                w.AveragePainAfter = after;
            }

            message.Weeks.Add(w);
        }

        foreach (var point in report.Assessments)
        {
            var p = new V1.AssessmentPoint { AssessmentId = point.AssessmentId.ToString(), Date = Timestamp.FromDateTimeOffset(point.Date), PainNow = point.PainNow, Sbi = point.Sbi };
            p.StartBackRisk = point.StartBackRisk ?? string.Empty;
            if (point.Odi is { } odi)
            {
                p.Odi = odi;
            }

            message.Assessments.Add(p);
        }

        return message;
    }
}

/// <summary>Routines and sessions to and from protobuf.</summary>
internal static class RoutineMessages
{
    public static Guid Id(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new ValidationException(field, "A UUID is required.");

    /// <summary>A UUID from a request field, or null with the problem added to <paramref name="errors"/>.</summary>
    public static Guid? Id(string value, string field, List<ValidationError> errors)
    {
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        errors.Add(new ValidationError(field, "A UUID is required."));
        return null;
    }

    /// <summary>A <c>yyyy-MM-dd</c> date from a query or request field; empty means none; anything else is an error.</summary>
    public static DateOnly? Day(string field, string? value, List<ValidationError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new ValidationError(field, "A date as yyyy-MM-dd."));
        return null;
    }

    /// <summary>
    /// The report, with a placeholder for each field that is missing or malformed and that field's problem added to
    /// <paramref name="unread"/> (the use case reports them with the session's other problems and checks the rest);
    /// null when there is no report at all.
    /// </summary>
    public static SessionReport? ReadReport(V1.SessionReport? report, List<ValidationError> unread)
    {
        if (report is null)
        {
            unread.Add(new ValidationError("report", "A session report is required."));
            return null;
        }

        var startedAt = Moment("startedAt", report.StartedAt, unread);
        var completedAt = Moment("completedAt", report.CompletedAt, unread);
        if (!report.HasPainBefore)
        {
            unread.Add(new ValidationError("painBefore", "Required."));
        }

        if (!report.HasPainAfter)
        {
            unread.Add(new ValidationError("painAfter", "Required."));
        }

        var routineId = Id(report.RoutineId, "routineId", unread);
        return new SessionReport(routineId ?? Guid.Empty, startedAt ?? DateTimeOffset.UnixEpoch, completedAt ?? DateTimeOffset.UnixEpoch,
            report.PainBefore, report.PainAfter,
            [.. report.Items.Select(i => new SessionItem(i.Stretch, i.Done, i.SetsDone, i.HasPainDuring ? i.PainDuring : null, string.IsNullOrEmpty(i.Note) ? null : i.Note))],
            [.. report.NewSymptoms]);
    }

    private static DateTimeOffset? Moment(string field, Timestamp? timestamp, List<ValidationError> errors)
    {
        if (timestamp is null)
        {
            errors.Add(new ValidationError(field, "Required."));
            return null;
        }

        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            errors.Add(new ValidationError(field, "Not a valid timestamp."));
            return null;
        }
    }

    public static V1.Session ToMessage(Model.Session session)
    {
        var message = ToMessageWithoutEscalation(session);
        if (session.Escalation is { } escalation)
        {
            message.Escalation = Assessments.AssessmentMessages.ToMessage(escalation);
        }

        return message;
    }

    private static V1.Session ToMessageWithoutEscalation(Model.Session session) => new()
    {
        Id = session.Id.ToString(),
        Report = new V1.SessionReport
        {
            RoutineId = session.RoutineId.ToString(),
            StartedAt = Timestamp.FromDateTimeOffset(session.StartedAt),
            CompletedAt = Timestamp.FromDateTimeOffset(session.CompletedAt),
            PainBefore = session.PainBefore,
            PainAfter = session.PainAfter,
            Items =
            {
                session.Items.Select(i =>
                {
                    var item = new V1.SessionItem { Stretch = i.Stretch, Done = i.Done, SetsDone = i.SetsDone, Note = i.Note ?? string.Empty };
                    if (i.PainDuring is { } during)
                    {
                        item.PainDuring = during;
                    }

                    return item;
                }),
            },
            NewSymptoms = { session.NewSymptoms },
        },
        RecordedAt = Timestamp.FromDateTimeOffset(session.RecordedAt),
        Review = { session.ForReview },
    };

    public static V1.Routine ToMessage(Routine routine) => new()
    {
        Id = routine.Id.ToString(),
        Version = routine.Version,
        AssessmentId = routine.AssessmentId.ToString(),
        CreatedAt = Timestamp.FromDateTimeOffset(routine.CreatedAt),
        MinutesPerDay = routine.MinutesPerDay,
        EstimatedMinutes = routine.EstimatedMinutes,
        Items =
        {
            routine.Items.Select(i =>
            {
                var item = new V1.RoutineItem
                {
                    Position = i.Position,
                    Stretch = i.Stretch,
                    Sets = i.Sets,
                    Sides = Content.ContentMessages.ToMessage(i.Sides),
                    Reason = i.Reason,
                };
                if (i.HoldSeconds is { } hold)
                {
                    item.HoldSeconds = hold;
                }

                if (i.Repetitions is { } repetitions)
                {
                    item.Repetitions = repetitions;
                }

                return item;
            }),
        },
        SafeFor = { routine.SafeFor },
        Changes = { routine.Changes.Select(c => new V1.RoutineChange { Stretch = c.Stretch, Change = c.Change, NewStretch = c.NewStretch ?? string.Empty, Reason = c.Reason }) },
        PreviousId = routine.PreviousId?.ToString() ?? string.Empty,
        Screens = { routine.Screens.Select(WireName.Of) },
    };
}
