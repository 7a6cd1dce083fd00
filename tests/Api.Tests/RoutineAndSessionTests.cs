using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SciaticaService.Api.Routines;
using SciaticaService.Api.Tests.Fixtures;
using static SciaticaService.Api.Tests.Fixtures.Journeys;

namespace SciaticaService.Api.Tests;

public sealed class RoutineAndSessionTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _alice = fixture.Bearer(TestTokens.For("alice"));

    public void Dispose() => _alice.Dispose();

    [Fact]
    public async Task A_routine_is_built_from_the_assessment_safe_and_explained()
    {
        var assessment = await _alice.AssessAsync(DiscAnswers());

        var routine = await _alice.CreateRoutineAsync(assessment.Id, 15);
        var current = await _alice.GetFromJsonAsync<RoutineResponse>("/api/v1/me/routines/current", TestJson.Options);
        var stretches = await Client.GetFromJsonAsync<List<Content.StretchResponse>>("/api/v1/stretches");

        Assert.Equal(routine.Id, current!.Id);
        Assert.Equal(1, routine.Version);
        Assert.NotEmpty(routine.Items);
        Assert.True(routine.EstimatedMinutes <= 15);
        Assert.Contains("herniated-disc", routine.SafeFor);
        Assert.All(routine.Items, item =>
        {
            var stretch = stretches!.Single(s => s.Slug == item.Stretch);
            Assert.DoesNotContain(stretch.Contraindications, c => routine.SafeFor.Contains(c.Condition));
            Assert.False(string.IsNullOrWhiteSpace(item.Reason));
        });
    }

    [Fact]
    public async Task An_emergency_assessment_gets_no_routine_but_its_advice()
    {
        var assessment = await _alice.AssessAsync(DiscAnswers(saddleNumbness: true));

        var response = await _alice.PostAsJsonAsync("/api/v1/routines", new CreateRoutineRequest(assessment.Id, 15));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("routine_not_allowed", body, StringComparison.Ordinal);
        Assert.Contains("emergency department", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _alice.GetAsync("/api/v1/me/routines/current")).StatusCode);
    }

    [Fact]
    public async Task Someone_elses_assessment_or_routine_is_not_found()
    {
        var assessment = await _alice.AssessAsync(DiscAnswers());
        var routine = await _alice.CreateRoutineAsync(assessment.Id);
        using var bob = Fixture.Bearer(TestTokens.For("bob"));

        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsJsonAsync("/api/v1/routines", new CreateRoutineRequest(assessment.Id, 15))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/v1/routines/{routine.Id}")).StatusCode);
        var session = await bob.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, DateTimeOffset.UtcNow, 5, 4)));
        Assert.Equal(HttpStatusCode.BadRequest, session.StatusCode);
    }

    [Fact]
    public async Task The_same_session_PUT_ten_times_at_once_stores_one_session()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id);
        var id = Guid.NewGuid();
        var body = Session(routine, DateTimeOffset.UtcNow.AddMinutes(-1), 5, 4).ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            _alice.PutAsync($"/api/v1/sessions/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var stored = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(stored.Select(s => JsonNode.Parse(s)!["recordedAt"]!.ToJsonString()).Distinct());
        var progress = await _alice.GetFromJsonAsync<JsonObject>("/api/v1/me/progress", TestJson.Options);
        Assert.Equal(1, progress!["weeks"]!.AsArray().Sum(w => w!["sessionsDone"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Progress_counts_each_session_and_each_UTC_day_once_whatever_offset_it_was_sent_with()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id);
        var yesterday = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero);
        // Yesterday (UTC) twice, sent as local times on other calendar days, and the day before once.
        foreach (var (completedAt, before, after) in new[]
        {
            (yesterday.AddHours(23.5).ToOffset(TimeSpan.FromHours(2)), 6, 4), // today at 01:30 in UTC+2
            (yesterday.AddMinutes(10).ToOffset(TimeSpan.FromHours(-5)), 4, 2), // the day before at 19:10 in UTC-5
            (yesterday.AddHours(-12), 5, 5),
        })
        {
            (await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, completedAt, before, after)))).EnsureSuccessStatusCode();
        }

        var day = DateOnly.FromDateTime(yesterday.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var progress = await _alice.GetFromJsonAsync<JsonObject>($"/api/v1/me/progress?from={day}&to={day}", TestJson.Options);

        // Only yesterday is in the period: two sessions on one planned day, pain before (6+4)/2, after (4+2)/2.
        var week = Assert.Single(progress!["weeks"]!.AsArray())!;
        Assert.Equal((2, 1, 1.0, 5.0, 3.0), (week["sessionsDone"]!.GetValue<int>(), week["sessionsPlanned"]!.GetValue<int>(),
            week["adherence"]!.GetValue<double>(), week["averagePainBefore"]!.GetValue<double>(), week["averagePainAfter"]!.GetValue<double>()));
        // Streaks count days, before the period too: the day before yesterday and yesterday, up to today.
        Assert.Equal((2, 2), (progress["currentStreak"]!.GetValue<int>(), progress["longestStreak"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Progress_shows_each_assessments_scores_as_stored_and_only_those_in_its_period()
    {
        var better = DiscAnswers();
        better["pain_now"] = 3;
        better["sbi_leg_pain"] = 1;
        better.Remove("odi_1"); // still enough sections for an ODI, now out of 45
        var first = await _alice.AssessAsync(DiscAnswers());
        var second = await _alice.AssessAsync(better);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var past = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var progress = await _alice.GetFromJsonAsync<JsonObject>($"/api/v1/me/progress?from={past}&to={today}", TestJson.Options);
        var before = await _alice.GetFromJsonAsync<JsonObject>($"/api/v1/me/progress?from={past}&to={past}", TestJson.Options);

        var points = progress!["assessments"]!.AsArray();
        Assert.Equal([first.Id, second.Id], points.Select(p => p!["assessmentId"]!.GetValue<Guid>()));
        foreach (var (point, assessment) in points.Zip([first, second]))
        {
            Assert.Equal(assessment.Scores.PainNow.Value, point!["painNow"]!.GetValue<int>());
            Assert.Equal(assessment.Scores.Sbi.Value, point["sbi"]!.GetValue<int>());
            Assert.Equal(assessment.Scores.Odi?.Value, point["odi"]?.GetValue<int>());
        }

        Assert.Equal((6, 3), (points[0]!["painNow"]!.GetValue<int>(), points[1]!["painNow"]!.GetValue<int>()));
        Assert.Empty(before!["assessments"]!.AsArray());
    }

    [Fact]
    public async Task A_conflicting_PUT_under_the_same_id_is_a_409_and_changes_nothing()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id);
        var id = Guid.NewGuid();
        var when = DateTimeOffset.UtcNow.AddMinutes(-1);
        await _alice.PutAsync($"/api/v1/sessions/{id}", Json(Session(routine, when, 5, 4)));

        var conflicting = await _alice.PutAsync($"/api/v1/sessions/{id}", Json(Session(routine, when, 5, 9)));
        var stored = await _alice.GetFromJsonAsync<SessionResponse>($"/api/v1/sessions/{id}", TestJson.Options);

        Assert.Equal(HttpStatusCode.Conflict, conflicting.StatusCode);
        Assert.Equal(4, stored!.PainAfter);
    }

    [Fact]
    public async Task An_invalid_session_is_rejected_whole_with_every_problem()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id);
        var session = Session(routine, DateTimeOffset.UtcNow.AddDays(2), 11, -1);
        session["startedAt"] = DateTimeOffset.UtcNow.AddDays(3);
        session["items"]!.AsArray().Add(new JsonObject { ["stretch"] = "handstand", ["done"] = true, ["setsDone"] = 1 });
        session["items"]![0]!["painDuring"] = 12;
        session["items"]![1]!["done"] = false;

        var response = await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(session));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "completedAt", "painBefore", "painAfter", "items[0].painDuring", "items[1].setsDone", $"items[{routine.Items.Count}].stretch" }, errors);
        Assert.DoesNotContain((await _alice.GetFromJsonAsync<JsonObject>("/api/v1/me/progress", TestJson.Options))!["weeks"]!.AsArray(), w => w!["sessionsDone"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task A_batch_reports_each_session_on_its_own()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id);
        var good = Guid.NewGuid();
        var bad = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        JsonObject Entry(Guid id, JsonObject session)
        {
            session["id"] = id;
            return session;
        }

        var batch = new JsonObject
        {
            ["sessions"] = new JsonArray(
                Entry(good, Session(routine, now.AddHours(-2), 5, 4)),
                Entry(bad, Session(routine, now.AddHours(-1), 5, 40)),
                Entry(good, Session(routine, now.AddHours(-2), 5, 4))),
        };

        var response = await _alice.PostAsync("/api/v1/sessions:batch", Json(batch));

        response.EnsureSuccessStatusCode();
        var results = (await response.Content.ReadFromJsonAsync<SessionBatchResponse>(TestJson.Options))!.Results;
        Assert.Equal(["created", "invalid", "unchanged"], results.Select(r => r.Status));
        Assert.Contains("painAfter", results[1].Errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await _alice.GetAsync($"/api/v1/sessions/{bad}")).StatusCode);
    }

    [Fact]
    public async Task Two_sessions_that_made_pain_worse_step_an_exercise_down_with_the_reason_recorded()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 30);
        var now = DateTimeOffset.UtcNow;

        // The first exercise hurt (pain during 5 from 3 before, twice); the others did not. (A rise of 3 in one
        // session takes it out for review instead: ClearanceAndEscalationTests.)
        JsonObject Hurting(DateTimeOffset at, int after)
        {
            var session = Session(routine, at, 3, after, painDuring: 1);
            session["items"]![0]!["painDuring"] = after;
            return session;
        }

        var first = await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Hurting(now.AddDays(-1), 5)));
        var second = await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Hurting(now.AddMinutes(-5), 5)));

        Assert.Null((await first.Content.ReadFromJsonAsync<SessionResponse>(TestJson.Options))!.AdjustedRoutineId);
        var adjustedId = (await second.Content.ReadFromJsonAsync<SessionResponse>(TestJson.Options))!.AdjustedRoutineId;
        Assert.NotNull(adjustedId);
        var adjusted = await _alice.GetFromJsonAsync<RoutineResponse>($"/api/v1/routines/{adjustedId}", TestJson.Options);
        Assert.Equal(2, adjusted!.Version);
        Assert.Equal(routine.Id, adjusted.PreviousId);
        var change = Assert.Single(adjusted.Changes);
        Assert.Equal(routine.Items[0].Stretch, change.Stretch);
        Assert.Contains("Pain rose", change.Reason, StringComparison.Ordinal);
        Assert.All(adjusted.Changes, c => Assert.Contains(c.Change, new[] { "easier", "dropped" }));

        // The old version is kept for the sessions that used it, and can no longer be adjusted.
        Assert.Equal(HttpStatusCode.OK, (await _alice.GetAsync($"/api/v1/routines/{routine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _alice.PostAsync($"/api/v1/routines/{routine.Id}/adjust", null)).StatusCode);
    }

    [Fact]
    public async Task Easy_sessions_with_falling_pain_step_an_exercise_up()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 30);
        var now = DateTimeOffset.UtcNow;
        Guid? adjusted = null;
        for (var day = 4; day >= 1; day--)
        {
            var response = await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, now.AddDays(-day), 4, 3, painDuring: 1)));
            adjusted ??= (await response.Content.ReadFromJsonAsync<SessionResponse>(TestJson.Options))!.AdjustedRoutineId;
        }

        var next = await _alice.GetFromJsonAsync<RoutineResponse>("/api/v1/me/routines/current", TestJson.Options);
        Assert.Equal(adjusted, next!.Id);
        Assert.Contains(next.Changes, c => c.Change == "harder");
        Assert.All(next.Changes.Where(c => c.NewStretch is not null), c => Assert.Contains(next.Items, i => i.Stretch == c.NewStretch));
    }

    [Fact]
    public async Task Adjusting_without_enough_sessions_changes_nothing()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id);

        var response = await _alice.PostAsync($"/api/v1/routines/{routine.Id}/adjust", null);

        var result = await response.Content.ReadFromJsonAsync<AdjustRoutineResponse>(TestJson.Options);
        Assert.False(result!.Changed);
        Assert.Equal(routine.Id, result.Routine.Id);
    }

    [Fact]
    public async Task A_reassessment_makes_a_new_routine_version_and_old_sessions_keep_theirs()
    {
        var first = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id);
        var sessionId = Guid.NewGuid();
        await _alice.PutAsync($"/api/v1/sessions/{sessionId}", Json(Session(first, DateTimeOffset.UtcNow.AddMinutes(-3), 5, 4)));

        var second = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id);

        Assert.Equal(2, second.Version);
        Assert.Equal(first.Id, (await _alice.GetFromJsonAsync<SessionResponse>($"/api/v1/sessions/{sessionId}", TestJson.Options))!.RoutineId);
        Assert.Equal(second.Id, (await _alice.GetFromJsonAsync<RoutineResponse>("/api/v1/me/routines/current", TestJson.Options))!.Id);
    }
}
