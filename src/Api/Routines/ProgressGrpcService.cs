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
public sealed class ProgressGrpcService(ProgressService progress) : V1.ProgressService.ProgressServiceBase
{
    public override async Task<V1.Progress> GetProgress(V1.GetProgressRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        var unread = new List<ValidationError>();
        var from = RequestValues.Day("from", request.From, unread);
        var to = RequestValues.Day("to", request.To, unread);
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
