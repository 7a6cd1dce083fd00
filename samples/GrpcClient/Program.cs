// A minimal partner-side client for the gRPC API.
//   dotnet run --project samples/GrpcClient -- [address] [condition-slug]            content: conditions, stretches for one
//   dotnet run --project samples/GrpcClient -- journey <address> <api-key> <member>  a member from assessment to progress,
//                                                                                    then the partner's event feed
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using SciaticaService.Contracts.V1;

try
{
    return args is ["journey", var journeyAddress, var apiKey, var member]
        ? await JourneyAsync(journeyAddress, apiKey, member)
        : await ContentAsync(args.Length > 0 ? args[0] : "http://127.0.0.1:8081", args.Length > 1 ? args[1] : null);
}
catch (RpcException e)
{
    // The service puts a stable error code in the "error-code" trailer, the same code REST returns.
    Console.Error.WriteLine($"{e.StatusCode}: {e.Status.Detail} (code {e.Trailers.GetValue("error-code")})");
    return 1;
}

static async Task<int> ContentAsync(string address, string? condition)
{
    using var channel = GrpcChannel.ForAddress(address);
    var content = new ContentService.ContentServiceClient(channel);
    foreach (var c in (await content.ListConditionsAsync(new ListConditionsRequest())).Conditions)
    {
        Console.WriteLine($"{c.Slug,-28} {c.Name}");
    }

    if (condition is not null)
    {
        var stretches = await content.ListStretchesAsync(new ListStretchesRequest { Condition = condition, SafeFor = condition });
        Console.WriteLine();
        Console.WriteLine($"Stretches for {condition}:");
        foreach (var stretch in stretches.Stretches)
        {
            Console.WriteLine($"  {stretch.Difficulty} {stretch.Slug,-36} {stretch.Bias}");
        }
    }

    return 0;
}

static async Task<int> JourneyAsync(string address, string apiKey, string member)
{
    using var channel = GrpcChannel.ForAddress(address);
    var key = new Metadata { { "x-api-key", apiKey } };

    // 1. The member answers the questionnaire (a herniated-disc picture, no red flags).
    var assessment = new SubmitAssessmentRequest { Id = Guid.NewGuid().ToString(), MemberId = member };
    // The safety questions and screens of questionnaire contract 2, all answered "no".
    foreach (var flag in new[]
             {
                 "saddle_numbness", "bladder_bowel_change", "sexual_function_change", "both_legs_recent", "progressive_weakness", "foot_drop",
                 "legs_giving_way", "bilateral_leg_symptoms", "cancer_history", "unexplained_weight_loss", "night_pain_unrelenting", "thoracic_pain",
                 "fever_or_unwell", "infection_risk", "recent_major_trauma", "osteoporosis", "long_term_steroids", "weakened_immunity",
                 "pain_uncontrolled", "hip_replacement", "pregnant",
             })
    {
        assessment.Answers[flag] = Value.ForBool(false);
    }

    assessment.Answers["symptom_duration"] = Value.ForString("2_to_6_weeks");
    foreach (var (code, number) in new[] { ("age", 38), ("pain_now", 6), ("sbi_leg_pain", 5), ("sbi_numbness", 3), ("sbi_weakness", 0), ("sbi_sitting", 4) })
    {
        assessment.Answers[code] = Value.ForNumber(number);
    }

    assessment.Answers["pain_location"] = Value.ForString("below_knee");
    assessment.Answers["onset"] = Value.ForString("after_lifting_or_accident");
    assessment.Answers["worse_sitting"] = Value.ForBool(true);
    assessment.Answers["worse_cough_sneeze"] = Value.ForBool(true);
    var result = await new AssessmentService.AssessmentServiceClient(channel).SubmitAssessmentAsync(assessment, key);
    Console.WriteLine($"Assessment {result.Id}: triage {result.Triage.Level}; {result.Summary}");

    // 2. A 15-minute routine for it.
    var routine = await new RoutineService.RoutineServiceClient(channel).CreateRoutineAsync(
        new CreateRoutineRequest { AssessmentId = result.Id, MinutesPerDay = 15, MemberId = member }, key);
    Console.WriteLine($"Routine v{routine.Version}, about {routine.EstimatedMinutes} minutes:");
    foreach (var item in routine.Items)
    {
        Console.WriteLine($"  {item.Position}. {item.Stretch}: {item.Reason}");
    }

    // 3. Three days of sessions, logged under ids the client chose (a resend would change nothing).
    var sessions = new SessionService.SessionServiceClient(channel);
    for (var day = 2; day >= 0; day--)
    {
        var done = DateTimeOffset.UtcNow.AddDays(-day).AddMinutes(-5);
        var report = new SessionReport
        {
            RoutineId = routine.Id,
            StartedAt = Timestamp.FromDateTimeOffset(done.AddMinutes(-15)),
            CompletedAt = Timestamp.FromDateTimeOffset(done),
            PainBefore = 5,
            PainAfter = 4,
            Items = { routine.Items.Select(i => new SessionItem { Stretch = i.Stretch, Done = true, SetsDone = i.Sets, PainDuring = 2 }) },
        };
        await sessions.PutSessionAsync(new PutSessionRequest { Id = Guid.NewGuid().ToString(), Report = report, MemberId = member }, key);
    }

    // 4. Progress, and the partner's feed of what happened.
    var progress = await new ProgressService.ProgressServiceClient(channel).GetProgressAsync(new GetProgressRequest { MemberId = member }, key);
    Console.WriteLine($"Progress: {progress.Weeks.Sum(w => w.SessionsDone)} sessions, current streak {progress.CurrentStreak} days");
    var feed = await new PartnerFeedService.PartnerFeedServiceClient(channel).ListEventsAsync(new ListEventsRequest(), key);
    Console.WriteLine("Feed:");
    foreach (var e in feed.Events)
    {
        Console.WriteLine($"  {e.Cursor,4} {e.Type,-22} member {e.MemberId} {e.SubjectId}");
    }

    return 0;
}
