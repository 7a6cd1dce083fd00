using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaService.Api.Routines;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Infrastructure.Persistence;
using static SciaticaService.Api.Tests.Fixtures.Journeys;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>Routines stay safe when things change around them; each case was found in review.</summary>
public sealed class RoutineSafetyTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _alice = fixture.Bearer(TestTokens.For("alice"));

    public void Dispose() => _alice.Dispose();

    private static JsonObject Urgent()
    {
        var answers = DiscAnswers();
        answers["progressive_weakness"] = true;
        return answers;
    }

    [Fact]
    public async Task A_routine_is_built_from_the_latest_assessment_only()
    {
        var older = await _alice.AssessAsync(DiscAnswers());
        var latest = await _alice.AssessAsync(DiscAnswers());

        var fromOlder = await _alice.PostAsJsonAsync("/api/v1/routines", new CreateRoutineRequest(older.Id, 15));
        var fromLatest = await _alice.PostAsJsonAsync("/api/v1/routines", new CreateRoutineRequest(latest.Id, 15));

        Assert.Equal(HttpStatusCode.Conflict, fromOlder.StatusCode);
        Assert.Contains("assessment_superseded", await fromOlder.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, fromLatest.StatusCode);
        Assert.Equal(1, (await fromLatest.Content.ReadFromJsonAsync<RoutineResponse>(TestJson.Options))!.Version);
    }

    [Fact]
    public async Task An_older_milder_assessment_cannot_outvote_a_newer_red_flag()
    {
        var mild = await _alice.AssessAsync(DiscAnswers());
        var routine = await _alice.CreateRoutineAsync(mild.Id);
        await _alice.AssessAsync(Urgent());

        var fromOld = await _alice.PostAsJsonAsync("/api/v1/routines", new CreateRoutineRequest(mild.Id, 15));
        var current = await _alice.GetAsync("/api/v1/me/routines/current");
        var session = await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, DateTimeOffset.UtcNow.AddMinutes(-2), 5, 4)));

        Assert.Equal(HttpStatusCode.Conflict, fromOld.StatusCode);
        Assert.Contains("routine_not_allowed", await fromOld.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, current.StatusCode);
        // The session is still recorded (it happened), but nothing steps the routine on.
        Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        Assert.Null((await session.Content.ReadFromJsonAsync<SessionResponse>(TestJson.Options))!.AdjustedRoutineId);
    }

    [Fact]
    public async Task After_a_red_flag_sessions_that_would_step_an_exercise_up_step_nothing()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 30);
        await _alice.AssessAsync(Urgent());
        var now = DateTimeOffset.UtcNow;

        // Four easy sessions with falling pain: enough to step an exercise up, were a routine still allowed.
        var adjusted = new List<Guid?>();
        for (var day = 4; day >= 1; day--)
        {
            var response = await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, now.AddDays(-day), 4, 3, painDuring: 1)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            adjusted.Add((await response.Content.ReadFromJsonAsync<SessionResponse>(TestJson.Options))!.AdjustedRoutineId);
        }

        var adjust = await _alice.PostAsync($"/api/v1/routines/{routine.Id}/adjust", null);

        Assert.All(adjusted, Assert.Null);
        // Refused as not allowed, not as superseded: the routine is still the current version, unstepped.
        Assert.Equal(HttpStatusCode.Conflict, adjust.StatusCode);
        var problem = await adjust.Content.ReadAsStringAsync();
        Assert.Contains("routine_not_allowed", problem, StringComparison.Ordinal);
        Assert.Contains("within 24 hours", problem, StringComparison.Ordinal); // the latest assessment's advice
    }

    [Fact]
    public async Task Over_gRPC_an_emergency_gets_FailedPrecondition_with_the_advice()
    {
        var assessment = await _alice.AssessAsync(DiscAnswers(saddleNumbness: true));
        var routines = new V1.RoutineService.RoutineServiceClient(Fixture.CreateGrpcChannel());
        var auth = new Metadata { { "authorization", $"Bearer {TestTokens.For("alice")}" } };

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            routines.CreateRoutineAsync(new V1.CreateRoutineRequest { AssessmentId = assessment.Id.ToString(), MinutesPerDay = 15 }, auth).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, exception.StatusCode);
        Assert.Equal("routine_not_allowed", exception.Trailers.GetValue("error-code"));
        Assert.Contains("emergency department", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stretch_newly_advised_against_leaves_the_current_routine()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 60);
        var victim = await AdviseAgainstForDiscAsync(routine);

        var current = await _alice.GetFromJsonAsync<RoutineResponse>("/api/v1/me/routines/current", TestJson.Options);

        Assert.Equal(2, current!.Version);
        Assert.DoesNotContain(current.Items, i => i.Stretch == victim);
        Assert.Contains(current.Changes, c => c.Stretch == victim && c.Change == "dropped" && c.Reason.Contains("advised against", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_adjustment_retried_with_its_idempotency_key_gets_the_version_it_made()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 60);
        await AdviseAgainstForDiscAsync(routine);
        HttpRequestMessage Adjust(string? key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/routines/{routine.Id}/adjust");
            if (key is not null)
            {
                request.Headers.Add("Idempotency-Key", key);
            }

            return request;
        }

        var first = await _alice.SendAsync(Adjust("adjust-1"));
        var retried = await _alice.SendAsync(Adjust("adjust-1"));
        var withoutKey = await _alice.SendAsync(Adjust(null));
        var otherChange = await SendWithKeyAsync("/api/v1/routines", $$"""{"assessmentId": "{{routine.AssessmentId}}", "minutesPerDay": 15}""", "adjust-1");

        var made = (await first.Content.ReadFromJsonAsync<AdjustRoutineResponse>(TestJson.Options))!;
        var again = (await retried.Content.ReadFromJsonAsync<AdjustRoutineResponse>(TestJson.Options))!;
        Assert.True(made.Changed);
        Assert.Equal(2, made.Routine.Version);
        Assert.Equal((true, made.Routine.Id), (again.Changed, again.Routine.Id));
        Assert.Equal(HttpStatusCode.Conflict, withoutKey.StatusCode);
        Assert.Contains("routine_superseded", await withoutKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, otherChange.StatusCode);
        Assert.Contains("idempotency_key_conflict", await otherChange.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_routine_created_with_an_idempotency_key_is_created_once()
    {
        var assessment = await _alice.AssessAsync(DiscAnswers());
        var body = $$"""{"assessmentId": "{{assessment.Id}}", "minutesPerDay": 15}""";

        var first = await SendWithKeyAsync("/api/v1/routines", body, "create-1");
        var retried = await SendWithKeyAsync("/api/v1/routines", body, "create-1");
        var changed = await SendWithKeyAsync("/api/v1/routines", $$"""{"assessmentId": "{{assessment.Id}}", "minutesPerDay": 30}""", "create-1");
        var badKey = await SendWithKeyAsync("/api/v1/routines", body, new string('k', 129));
        var routines = new V1.RoutineService.RoutineServiceClient(Fixture.CreateGrpcChannel());
        var auth = new Metadata { { "authorization", $"Bearer {TestTokens.For("alice")}" } };
        var overGrpc = await routines.CreateRoutineAsync(
            new V1.CreateRoutineRequest { AssessmentId = assessment.Id.ToString(), MinutesPerDay = 15, IdempotencyKey = "create-1" }, auth);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<RoutineResponse>(TestJson.Options))!.Id;
        Assert.Equal(id, (await retried.Content.ReadFromJsonAsync<RoutineResponse>(TestJson.Options))!.Id);
        Assert.Equal(id.ToString(), overGrpc.Id);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Contains("idempotencyKey", await badKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await _alice.GetFromJsonAsync<RoutineResponse>("/api/v1/me/routines/current", TestJson.Options))!.Version);
    }

    private Task<HttpResponseMessage> SendWithKeyAsync(string path, string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(JsonNode.Parse(body)!) };
        request.Headers.Add("Idempotency-Key", key);
        return _alice.SendAsync(request);
    }

    /// <summary>
    /// New evidence advises against one of the routine's exercises for a disc: the admin imports the stretch with the
    /// contraindication, and the templates without it, in one go. Returns the stretch.
    /// </summary>
    private async Task<string> AdviseAgainstForDiscAsync(RoutineResponse routine)
    {
        using var admin = Fixture.Admin();
        var victim = routine.Items.First(i => !i.Stretch.Contains("slider", StringComparison.Ordinal)).Stretch;
        var export = JsonNode.Parse(await admin.GetStringAsync("/api/v1/admin/content"))!;
        var stretch = export["stretches"]!.AsArray().Single(s => s!["slug"]!.GetValue<string>() == victim)!;
        var contraindicated = stretch["contraindications"]!.AsArray().Select(c => c!["condition"]!.GetValue<string>()).ToHashSet();
        stretch["indicatedFor"] = new JsonArray(new[] { "piriformis-syndrome", "spinal-stenosis", "isthmic-spondylolisthesis" }.First(c => !contraindicated.Contains(c)));
        stretch["contraindications"]!.AsArray().Add(new JsonObject { ["condition"] = "herniated-disc", ["reason"] = "New evidence." });
        foreach (var (language, reason) in new[] { ("es", "Nueva evidencia."), ("de", "Neue Erkenntnisse.") })
        {
            var translation = stretch["translations"]![language]!.AsObject();
            translation["contraindications"] ??= new JsonArray();
            translation["contraindications"]!.AsArray().Add(new JsonObject { ["condition"] = "herniated-disc", ["reason"] = reason });
        }
        var templates = export["routineTemplates"]!.AsArray()
            .Where(t => t!["condition"]!.GetValue<string>() == "herniated-disc" || t["items"]!.AsArray().Any(i => i!["stretch"]!.GetValue<string>() == victim && contraindicated.Contains(t["condition"]!.GetValue<string>())))
            .Select(t =>
            {
                var copy = t!.DeepClone();
                copy["items"] = new JsonArray([.. copy["items"]!.AsArray().Where(i => i!["stretch"]!.GetValue<string>() != victim).Select(i => i!.DeepClone())]);
                return copy;
            });
        var import = await admin.PostAsync("/api/v1/admin/content/import", Json(new JsonObject
        {
            ["stretches"] = new JsonArray(stretch.DeepClone()),
            ["routineTemplates"] = new JsonArray([.. templates]),
        }));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        return victim;
    }

    [Fact]
    public async Task Painful_sessions_never_empty_a_routine_they_stop_it_being_served()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 5);
        var now = DateTimeOffset.UtcNow;

        for (var i = 0; i < 4; i++)
        {
            var response = await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, now.AddHours(-5 + i), 2, 8, painDuring: 8)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var current = await _alice.GetAsync("/api/v1/me/routines/current");
        Assert.Equal(HttpStatusCode.Conflict, current.StatusCode);
        Assert.Equal("routine_needs_review", JsonNode.Parse(await current.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
        var kept = await _alice.GetFromJsonAsync<RoutineResponse>($"/api/v1/routines/{routine.Id}", TestJson.Options);
        Assert.NotEmpty(kept!.Items);
    }

    [Fact]
    public async Task A_routine_rebuilt_after_a_flare_up_never_starts_again_what_made_the_pain_worse_nor_does_the_one_after()
    {
        var assessment = await _alice.AssessAsync(DiscAnswers());
        var routine = await _alice.CreateRoutineAsync(assessment.Id, 5);
        var flared = routine.Items.Select(i => i.Stretch).ToList();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 2; i++)
        {
            await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, now.AddHours(-5 + i), 2, 8, painDuring: 8)));
        }

        Assert.Equal(HttpStatusCode.Conflict, (await _alice.GetAsync("/api/v1/me/routines/current")).StatusCode);

        // Built again from the same assessment, as the refusal allows: the exercises that flared stay out. Built once
        // more (a flare that emptied a routine is never stored as a version), they still do.
        var rebuilt = await _alice.CreateRoutineAsync(assessment.Id, 5);
        var again = await _alice.CreateRoutineAsync(assessment.Id, 5);

        Assert.NotEmpty(rebuilt.Items);
        Assert.Empty(rebuilt.Items.Select(i => i.Stretch).Intersect(flared));
        Assert.Empty(again.Items.Select(i => i.Stretch).Intersect(flared));
    }

    [Fact]
    public async Task A_flare_up_older_than_12_weeks_no_longer_keeps_its_exercises_out()
    {
        var assessment = await _alice.AssessAsync(DiscAnswers());
        var routine = await _alice.CreateRoutineAsync(assessment.Id, 5);
        var flare = await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, DateTimeOffset.UtcNow.AddHours(-2), 2, 8, painDuring: 8)));
        var id = JsonNode.Parse(await flare.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SciaticaDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE sessions SET recorded_at = recorded_at - interval '85 days' WHERE id = {Guid.Parse(id)}");
        }

        var rebuilt = await _alice.CreateRoutineAsync(assessment.Id, 5);
        Assert.Equal(routine.Items.Select(i => i.Stretch), rebuilt.Items.Select(i => i.Stretch));
    }

    [Fact]
    public async Task Progression_never_steps_up_to_an_exercise_that_recently_made_the_pain_worse()
    {
        var now = DateTimeOffset.UtcNow;
        async Task<RoutineResponse> EasyWeekAsync(RoutineResponse routine, int fromDay)
        {
            for (var day = fromDay; day > fromDay - 4; day--)
            {
                await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, now.AddDays(-day), 4, 3, painDuring: 1)));
            }

            return (await _alice.GetFromJsonAsync<RoutineResponse>("/api/v1/me/routines/current", TestJson.Options))!;
        }

        var first = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 30);
        var stepped = await EasyWeekAsync(first, 20);
        var harder = stepped.Changes.First(c => c.Change == "harder");
        var flare = Session(stepped, now.AddDays(-15), 2, 2);
        flare["items"]!.AsArray().Single(i => i!["stretch"]!.GetValue<string>() == harder.NewStretch)!["painDuring"] = 6;
        Assert.Equal(HttpStatusCode.Created, (await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(flare))).StatusCode);

        // A new routine starts the progression at its first step again, which did not hurt; easy sessions do not lead back.
        var rebuilt = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 30);
        Assert.Contains(rebuilt.Items, i => i.Stretch == harder.Stretch);
        var later = await EasyWeekAsync(rebuilt, 10);

        Assert.DoesNotContain(later.Items, i => i.Stretch == harder.NewStretch);
        Assert.DoesNotContain(later.Changes, c => c.NewStretch == harder.NewStretch);
    }

    [Fact]
    public async Task An_exercise_taken_out_for_review_stays_out_of_a_routine_built_from_a_new_assessment()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 15);
        var culprit = routine.Items[0].Stretch;
        var session = Session(routine, DateTimeOffset.UtcNow.AddMinutes(-20), 2, 2);
        session["items"]!.AsArray().Single(i => i!["stretch"]!.GetValue<string>() == culprit)!["painDuring"] = 6;

        var logged = await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(session));
        var adjusted = (await logged.Content.ReadFromJsonAsync<SessionResponse>(TestJson.Options))!.AdjustedRoutineId;
        Assert.NotNull(adjusted);
        Assert.Contains((await _alice.GetFromJsonAsync<RoutineResponse>($"/api/v1/routines/{adjusted}", TestJson.Options))!.Changes,
            c => c.Stretch == culprit && c.Change == "review");

        var rebuilt = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 60);

        Assert.DoesNotContain(rebuilt.Items, i => i.Stretch == culprit);
        Assert.Contains(rebuilt.Items, i => routine.Items.Skip(1).Any(kept => kept.Stretch == i.Stretch));
    }

    [Fact]
    public async Task Pain_that_spread_down_the_leg_takes_the_exercise_out_for_review_over_REST_and_gRPC()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 30);
        // Lying face down, the first step of the arching progression the disc routine leans on.
        var first = Assert.Single(routine.Items, i => i.Stretch == "prone-lying").Stretch;
        var body = Session(routine, DateTimeOffset.UtcNow.AddHours(-2), 3, 3, painDuring: 2);
        body["items"]!.AsArray().Single(i => i!["stretch"]!.GetValue<string>() == first)!["painSpread"] = true;

        var response = JsonNode.Parse(await (await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(body))).Content.ReadAsStringAsync())!;
        var adjusted = await _alice.GetFromJsonAsync<RoutineResponse>($"/api/v1/routines/{response["adjustedRoutineId"]}", TestJson.Options);

        Assert.Equal([first], response["review"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.True(response["items"]!.AsArray().Single(i => i!["stretch"]!.GetValue<string>() == first)!["painSpread"]!.GetValue<bool>());
        var change = Assert.Single(adjusted!.Changes);
        Assert.Equal((first, "review"), (change.Stretch, change.Change));
        Assert.Contains("spread further down the leg", change.Reason, StringComparison.Ordinal);
        // Leg pain that spreads with arching rules out the whole extension progression, in this routine and the next.
        Assert.Contains(SciaticaService.Domain.Assessments.Screen.ExtensionWorsens, adjusted.Screens);
        var rebuilt = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 60);
        Assert.DoesNotContain(rebuilt.Items, i => i.Stretch.StartsWith("prone-", StringComparison.Ordinal));
        Assert.Contains(SciaticaService.Domain.Assessments.Screen.ExtensionWorsens, rebuilt.Screens);
        adjusted = rebuilt;
        var second = rebuilt.Items[0].Stretch;

        // The same over gRPC, for an exercise of the rebuilt routine.
        var sessions = new V1.SessionService.SessionServiceClient(Fixture.CreateGrpcChannel());
        var auth = new Metadata { { "authorization", $"Bearer {TestTokens.For("alice")}" } };
        var report = new V1.SessionReport
        {
            RoutineId = adjusted.Id.ToString(), PainBefore = 3, PainAfter = 3,
            StartedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-30)),
            CompletedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-10)),
        };
        report.Items.AddRange(adjusted.Items.Select(i => new V1.SessionItem { Stretch = i.Stretch, Done = true, SetsDone = i.Sets, PainSpread = i.Stretch == second }));
        var reply = await sessions.PutSessionAsync(new V1.PutSessionRequest { Id = Guid.NewGuid().ToString(), Report = report }, auth);

        Assert.Equal([second], reply.Session.Review);
        Assert.True(reply.Session.Report.Items.Single(i => i.Stretch == second).PainSpread);
        Assert.NotEmpty(reply.AdjustedRoutineId);
    }

    [Fact]
    public async Task A_spread_logged_after_a_later_session_still_rules_out_the_arching_progression()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 30);
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.Created, (await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, now.AddHours(-1), 3, 3, painDuring: 2)))).StatusCode);
        // Synced late: done before the session above.
        var late = Session(routine, now.AddHours(-3), 3, 3, painDuring: 2);
        late["items"]!.AsArray().Single(i => i!["stretch"]!.GetValue<string>() == "prone-lying")!["painSpread"] = true;

        var response = JsonNode.Parse(await (await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(late))).Content.ReadAsStringAsync())!;
        var adjusted = await _alice.GetFromJsonAsync<RoutineResponse>($"/api/v1/routines/{response["adjustedRoutineId"]}", TestJson.Options);

        Assert.Contains(SciaticaService.Domain.Assessments.Screen.ExtensionWorsens, adjusted!.Screens);
    }

    [Fact]
    public async Task Concurrent_different_sessions_are_all_acknowledged_as_created()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 30);
        var now = DateTimeOffset.UtcNow;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, now.AddMinutes(-30 + i), 2, 6)))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
    }

    [Theory]
    [InlineData("to=9999-12-31")]
    [InlineData("from=9999-12-25&to=9999-12-30")]
    [InlineData("from=0001-01-01&to=0001-01-02")]
    [InlineData("to=0001-01-01")] // eight weeks before it is off the calendar (found by FuzzTests)
    public async Task Extreme_progress_dates_are_a_400(string query)
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _alice.GetAsync($"/api/v1/me/progress?{query}")).StatusCode);
    }

    [Fact]
    public async Task A_null_in_a_batch_is_reported_for_that_entry()
    {
        var response = await _alice.PostAsync("/api/v1/sessions:batch", Json(JsonNode.Parse("""{"sessions": [null]}""")!));

        response.EnsureSuccessStatusCode();
        Assert.Equal("invalid", (await response.Content.ReadFromJsonAsync<SessionBatchResponse>(TestJson.Options))!.Results.Single().Status);
    }

    [Fact]
    public async Task Over_gRPC_a_missing_pain_or_impossible_time_is_InvalidArgument()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id);
        var sessions = new V1.SessionService.SessionServiceClient(Fixture.CreateGrpcChannel());
        var auth = new Metadata { { "authorization", $"Bearer {TestTokens.For("alice")}" } };
        var report = new V1.SessionReport
        {
            RoutineId = routine.Id.ToString(),
            StartedAt = new Timestamp { Seconds = -100_000_000_000 },
            CompletedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)),
            PainAfter = 3,
        };

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            sessions.PutSessionAsync(new V1.PutSessionRequest { Id = Guid.NewGuid().ToString(), Report = report }, auth).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        var fields = exception.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains("report.started_at", fields);
        Assert.Contains("report.pain_before", fields);
    }
}
