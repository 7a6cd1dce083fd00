using Google.Protobuf.WellKnownTypes;
using SciaticaService.Api.Http;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Routines;
using Model = SciaticaService.Domain.Routines;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Routines;

/// <summary>Routines and sessions to and from protobuf.</summary>
internal static class RoutineMessages
{
    /// <summary>
    /// The report, with a placeholder for each field that is missing or malformed and that field's problem added to
    /// <paramref name="unread"/> (the use case reports them with the session's other problems and checks the rest);
    /// null when there is no report at all.
    /// </summary>
    public static Model.SessionReport? ReadReport(V1.SessionReport? report, List<ValidationError> unread)
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

        var routineId = RequestValues.Uuid(report.RoutineId, "routineId", unread);
        return new Model.SessionReport(routineId ?? Guid.Empty, startedAt ?? DateTimeOffset.UnixEpoch, completedAt ?? DateTimeOffset.UnixEpoch,
            report.PainBefore, report.PainAfter,
            [.. report.Items.Select(i => new Model.SessionItem(i.Stretch, i.Done, i.SetsDone, i.HasPainDuring ? i.PainDuring : null, string.IsNullOrEmpty(i.Note) ? null : i.Note, i.PainSpread))],
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

    /// <param name="session">The stored session.</param>
    /// <param name="names">Stretch names by slug, in <paramref name="language"/>.</param>
    /// <param name="language">The language of its escalation's names and advice: the person must read emergency advice in theirs.</param>
    public static V1.Session ToMessage(Model.Session session, IReadOnlyDictionary<string, string> names, Language language)
    {
        var message = ToMessageWithoutEscalation(session);
        foreach (var item in message.Report.Items)
        {
            message.Names[item.Stretch] = names.GetValueOrDefault(item.Stretch, item.Stretch);
        }

        if (session.Escalation is { } escalation)
        {
            message.Escalation = Assessments.AssessmentMessages.ToMessage(ContentQueries.TriageIn(escalation, language));
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
                    var item = new V1.SessionItem { Stretch = i.Stretch, Done = i.Done, SetsDone = i.SetsDone, Note = i.Note ?? string.Empty, PainSpread = i.PainSpread };
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

    /// <param name="routine">The routine version.</param>
    /// <param name="names">Stretch names by slug, in the call's language.</param>
    public static V1.Routine ToMessage(Routine routine, IReadOnlyDictionary<string, string> names) => new()
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
                    Name = names.GetValueOrDefault(i.Stretch, i.Stretch),
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
