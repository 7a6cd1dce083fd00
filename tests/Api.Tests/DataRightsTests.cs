using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SciaticaService.Api.Routines;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Privacy;

namespace SciaticaService.Api.Tests;

/// <summary>
/// A person's data rights over REST: the export holds everything they created, the access log says who touched it,
/// and erasure leaves no row in any table with a person column (found from the database's own catalogue, so a new
/// table cannot be forgotten), even when a session is logged at the same moment.
/// </summary>
public sealed class DataRightsTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    /// <summary>Each table with a person column and the export's list of its rows.</summary>
    private static readonly Dictionary<string, string> ExportedAs = new()
    {
        ["assessments"] = "assessments",
        ["routines"] = "routines",
        ["sessions"] = "sessions",
        ["clearances"] = "clearances",
        ["access_log"] = "(access log)",
    };

    private readonly HttpClient _alice = fixture.Bearer(TestTokens.For("alice"));
    private readonly HttpClient _bob = fixture.Bearer(TestTokens.For("bob"));

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
    }

    /// <summary>Alice's history: two assessments, a routine and its adjustment, two sessions, a clearance.</summary>
    private static async Task<(Guid[] Assessments, Guid[] Sessions, Guid Clearance)> HistoryAsync(HttpClient client)
    {
        var first = await client.AssessAsync(Journeys.DiscAnswers());
        var routine = await client.CreateRoutineAsync(first.Id);
        var sessions = new[] { Guid.NewGuid(), Guid.NewGuid() };
        foreach (var (id, hoursAgo) in sessions.Zip(new[] { 30, 5 }))
        {
            var put = await client.PutAsync($"/api/v1/sessions/{id}", Journeys.Json(Journeys.Session(routine, DateTimeOffset.UtcNow.AddHours(-hoursAgo), 5, 4)));
            put.EnsureSuccessStatusCode();
        }

        (await client.PostAsync($"/api/v1/routines/{routine.Id}/adjust", null)).EnsureSuccessStatusCode();
        var second = await client.AssessAsync(Journeys.DiscAnswers());
        var clearance = await client.PostAsJsonAsync("/api/v1/me/clearances", new
        {
            assessmentId = second.Id, clearedBy = "Dr Export", clearedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        clearance.EnsureSuccessStatusCode();
        var clearanceId = (await clearance.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        return ([first.Id, second.Id], sessions, clearanceId);
    }

    [Fact]
    public async Task The_export_holds_every_row_the_person_has_in_every_table_with_a_person_column()
    {
        var (assessments, sessions, clearance) = await HistoryAsync(_alice);
        await HistoryAsync(_bob);

        var export = (await _alice.GetFromJsonAsync<JsonObject>("/api/v1/me/export"))!;

        Assert.Equal("user:alice", export["personId"]!.GetValue<string>());
        var counts = await RowsPerTableAsync(PersonId.ForUser("alice").Value);
        Assert.True(counts.Keys.Order().SequenceEqual(ExportedAs.Keys.Order()),
            $"tables with a person column: {string.Join(", ", counts.Keys)}; a new one needs its place in the export (and erasure)");
        foreach (var (table, list) in ExportedAs.Where(t => t.Key != "access_log"))
        {
            Assert.True(counts[table] == export[list]!.AsArray().Count, $"{table}: {counts[table]} rows, {export[list]!.AsArray().Count} exported");
        }

        Assert.Equal(assessments.Order(), export["assessments"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).Order());
        Assert.All(export["assessments"]!.AsArray(), a => Assert.NotEmpty(a!["answers"]!.AsObject()));
        Assert.Equal(sessions.Order(), export["sessions"]!.AsArray().Select(s => s!["id"]!.GetValue<Guid>()).Order());
        Assert.Equal(clearance, export["clearances"]!.AsArray().Single()!["id"]!.GetValue<Guid>());
        Assert.Equal(Enumerable.Range(1, (int)counts["routines"]), export["routines"]!.AsArray().Select(r => r!["version"]!.GetValue<int>()));
        Assert.Equal(2, export["progress"]!["assessments"]!.AsArray().Count);
        Assert.DoesNotContain("bob", export.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_FHIR_export_is_one_valid_R4_bundle_with_every_assessment_and_session()
    {
        var (assessments, sessions, _) = await HistoryAsync(_alice);

        var response = await _alice.GetAsync("/api/v1/me/export?format=fhir");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var json = await response.Content.ReadAsStringAsync();
        var errors = FhirValidation.Errors(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var resources = JsonNode.Parse(json)!["entry"]!.AsArray().Select(e => e!["resource"]!).ToList();
        Assert.Equal(assessments.Select(a => a.ToString()).Order(),
            resources.Where(r => r["resourceType"]!.GetValue<string>() == "QuestionnaireResponse").Select(r => r["id"]!.GetValue<string>()).Order());
        Assert.Equal(sessions.Select(s => s.ToString()).Order(),
            resources.Where(r => r["resourceType"]!.GetValue<string>() == "Procedure").Select(r => r["id"]!.GetValue<string>()).Order());
        Assert.Equal(2 * sessions.Length, resources.Count(r => r["partOf"] is not null));
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("FHIR")]
    public async Task An_unknown_format_is_an_invalid_query(string format)
    {
        var response = await _alice.GetAsync($"/api/v1/me/export?format={format}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("invalid_query", problem["code"]!.GetValue<string>());
        Assert.True(problem["errors"]!.AsObject().ContainsKey("format"));
    }

    [Fact]
    public async Task The_access_log_names_the_person_and_the_partner_newest_first_and_pages()
    {
        var partner = await Fixture.CreatePartnerAsync("Clinic of record");
        using var member = Fixture.Partner(partner.ApiKey, "m-7");
        var assessment = await member.AssessAsync(Journeys.DiscAnswers());
        (await member.GetAsync($"/api/v1/assessments/{assessment.Id}")).EnsureSuccessStatusCode();
        (await member.GetAsync("/api/v1/me/progress")).EnsureSuccessStatusCode();
        (await member.GetAsync("/api/v1/me/export")).EnsureSuccessStatusCode();
        // Someone else's reads are theirs alone.
        await _alice.AssessAsync(Journeys.DiscAnswers());

        var log = (await member.GetFromJsonAsync<JsonObject>("/api/v1/me/access-log"))!["items"]!.AsArray();

        Assert.Equal(
            ["export all", "read progress", "read assessments", "change assessments"],
            log.Select(e => $"{e!["action"]} {e["data"]}"));
        Assert.All(log, e =>
        {
            Assert.Equal("partner", e!["accessor"]!.GetValue<string>());
            Assert.Equal(partner.Partner.Id, e["partnerId"]!.GetValue<Guid>());
            Assert.Equal("Clinic of record", e["partnerName"]!.GetValue<string>());
        });
        Assert.DoesNotContain("alice", log.ToJsonString(), StringComparison.Ordinal);

        var first = (await member.GetFromJsonAsync<JsonObject>("/api/v1/me/access-log?limit=3"))!;
        var rest = (await member.GetFromJsonAsync<JsonObject>($"/api/v1/me/access-log?limit=3&cursor={first["nextCursor"]}"))!;
        Assert.Equal(3, first["items"]!.AsArray().Count);
        Assert.Equal("change", rest["items"]!.AsArray().Single()!["action"]!.GetValue<string>());
        Assert.Null(rest["nextCursor"]);

        var aliceLog = (await _alice.GetFromJsonAsync<JsonObject>("/api/v1/me/access-log"))!["items"]!.AsArray();
        Assert.Equal("self", aliceLog.Single()!["accessor"]!.GetValue<string>());
        Assert.Null(aliceLog.Single()!["partnerId"]);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("limit=ten")]
    [InlineData("cursor=abc")]
    public async Task A_bad_access_log_page_is_a_validation_problem(string query)
    {
        var response = await _alice.GetAsync($"/api/v1/me/access-log?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Erasure_leaves_no_row_of_the_person_answers_404_for_their_ids_and_can_be_repeated()
    {
        var (assessments, sessions, clearance) = await HistoryAsync(_alice);
        await HistoryAsync(_bob);
        var routine = (await _alice.GetFromJsonAsync<RoutineResponse>("/api/v1/me/routines/current", TestJson.Options))!;
        (await _alice.GetAsync("/api/v1/me/export")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NoContent, (await _alice.DeleteAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _alice.DeleteAsync("/api/v1/me")).StatusCode);
        await FlushAccessLogAsync();

        Assert.All(await RowsPerTableAsync("user:alice"), t => Assert.True(t.Value == 0, $"{t.Key}: {t.Value} rows left"));
        Assert.All(await RowsPerTableAsync("user:bob"), t => Assert.True(t.Value > 0 || t.Key == "access_log", $"{t.Key}: bob's rows went too"));
        foreach (var path in assessments.Select(a => $"/api/v1/assessments/{a}").Concat(sessions.Select(s => $"/api/v1/sessions/{s}"))
                     .Append($"/api/v1/routines/{routine.Id}").Append($"/api/v1/me/clearances/{clearance}").Append($"/api/v1/assessments/{assessments[0]}/fhir"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _alice.GetAsync(path)).StatusCode);
        }

        // The audit log keeps one entry: that an erasure happened, by the person, naming them only by a digest.
        var audit = await ScalarsAsync("SELECT actor || ' ' || action || ' ' || target || ' ' || coalesce(after::text, '-') FROM audit_entries WHERE action = 'person.erased'");
        Assert.Equal([$"self person.erased {DataRightsService.AuditTarget(PersonId.ForUser("alice"))} -"], audit);
        Assert.Empty(await ScalarsAsync("SELECT target FROM audit_entries WHERE target LIKE 'clearance:%' AND after::text LIKE '%Dr Export%' AND actor = 'user:alice'"));

        // Starting again is starting afresh.
        var export = (await _alice.GetFromJsonAsync<JsonObject>("/api/v1/me/export"))!;
        Assert.Empty(export["assessments"]!.AsArray());
        Assert.Null(export["progress"]);
    }

    [Fact]
    public async Task A_partner_member_erased_leaves_the_feed_a_member_erased_event_and_none_of_their_earlier_events()
    {
        var partner = await Fixture.CreatePartnerAsync("Erasing clinic");
        using var leaving = Fixture.Partner(partner.ApiKey, "leaving");
        using var staying = Fixture.Partner(partner.ApiKey, "staying");
        using var feed = Fixture.Partner(partner.ApiKey);
        await HistoryAsync(leaving);
        await staying.AssessAsync(Journeys.DiscAnswers());
        var before = await EventsAsync(feed);

        Assert.Equal(HttpStatusCode.NoContent, (await leaving.DeleteAsync("/api/v1/me")).StatusCode);

        var after = await EventsAsync(feed);
        var erased = Assert.Single(after, e => e["memberId"]!.GetValue<string>() == "leaving");
        Assert.Equal("member.erased", erased["type"]!.GetValue<string>());
        Assert.Equal(Guid.Empty, erased["subjectId"]!.GetValue<Guid>());
        Assert.Equal(before.Where(e => e["memberId"]!.GetValue<string>() == "staying").Select(e => e["cursor"]!.ToString()),
            after.Where(e => e["memberId"]!.GetValue<string>() == "staying").Select(e => e["cursor"]!.ToString()));
        // A reader resuming from a cursor of an erased event still gets what came after.
        var resumed = (await feed.GetFromJsonAsync<JsonObject>($"/api/v1/partner/events?cursor={before[0]["cursor"]}"))!["events"]!.AsArray();
        Assert.Equal("member.erased", resumed[^1]!["type"]!.GetValue<string>());
        Assert.Equal([$"partner:{partner.Partner.Id:N}"], await ScalarsAsync("SELECT actor FROM audit_entries WHERE action = 'person.erased'"));
    }

    [Fact]
    public async Task An_admin_erases_a_person_by_id_and_the_audit_log_names_the_admin()
    {
        await HistoryAsync(_alice);
        using var admin = Fixture.Admin();

        var response = await admin.DeleteAsync($"/api/v1/admin/persons/{Uri.EscapeDataString("user:alice")}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.All(await RowsPerTableAsync("user:alice"), t => Assert.Equal(0, t.Value));
        Assert.Equal(["root"], await ScalarsAsync("SELECT actor FROM audit_entries WHERE action = 'person.erased'"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/persons/{Uri.EscapeDataString("user:nobody-at-all")}")).StatusCode);
        Assert.Single(await ScalarsAsync("SELECT actor FROM audit_entries WHERE action = 'person.erased'"));
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("member:123:m-1")]
    [InlineData("user:")]
    public async Task An_admin_naming_no_valid_person_id_gets_a_validation_problem(string personId)
    {
        using var admin = Fixture.Admin();

        var response = await admin.DeleteAsync($"/api/v1/admin/persons/{Uri.EscapeDataString(personId)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("personId", (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Single().Key);
    }

    [Fact]
    public async Task A_session_logged_while_its_person_is_erased_never_outlives_the_erasure()
    {
        var outcomes = new List<HttpStatusCode>();
        for (var round = 0; round < 12; round++)
        {
            var assessment = await _alice.AssessAsync(Journeys.DiscAnswers());
            var routine = await _alice.CreateRoutineAsync(assessment.Id);
            using var start = new SemaphoreSlim(0, 2);
            var put = Task.Run(async () =>
            {
                await start.WaitAsync();
                return (await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Journeys.Json(Journeys.Session(routine, DateTimeOffset.UtcNow.AddMinutes(-5), 5, 4)))).StatusCode;
            });
            var erase = Task.Run(async () =>
            {
                await start.WaitAsync();
                await Task.Delay(round % 4);
                return (await _alice.DeleteAsync("/api/v1/me")).StatusCode;
            });
            start.Release(2);
            var (putStatus, eraseStatus) = (await put, await erase);
            outcomes.Add(putStatus);

            Assert.Equal(HttpStatusCode.NoContent, eraseStatus);
            // Created before the erasure (and erased with the rest), or refused: its routine had gone.
            Assert.Contains(putStatus, new[] { HttpStatusCode.Created, HttpStatusCode.BadRequest });
            await FlushAccessLogAsync();
            Assert.All(await RowsPerTableAsync("user:alice"), t => Assert.True(t.Value == 0, $"round {round}: {t.Key} has {t.Value} rows"));
        }
    }

    [Fact]
    public async Task The_retention_job_is_off_by_default()
    {
        using var scope = Fixture.Factory.Services.CreateScope();

        Assert.False(scope.ServiceProvider.GetRequiredService<RetentionService>().IsEnabled);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RetentionService>().EraseInactiveAsync(default));
    }

    [Fact]
    public async Task Retention_erases_people_inactive_for_the_period_on_its_clock_and_keeps_the_others()
    {
        await HistoryAsync(_alice);
        await HistoryAsync(_bob);
        // Alice last did anything 100 days ago.
        foreach (var (table, column) in new[] { ("assessments", "created_at"), ("routines", "created_at"), ("sessions", "recorded_at"), ("clearances", "recorded_at") })
        {
            await ExecuteAsync($"UPDATE {table} SET {column} = {column} - interval '100 days' WHERE person_id = 'user:alice'");
        }

        await FlushAccessLogAsync();
        await ExecuteAsync("UPDATE access_log SET at = at - interval '100 days' WHERE person_id = 'user:alice'");

        var erased = await RunRetentionAsync(TimeSpan.FromDays(90), DateTimeOffset.UtcNow);

        Assert.Equal(1, erased);
        Assert.All(await RowsPerTableAsync("user:alice"), t => Assert.Equal(0, t.Value));
        Assert.Equal(["retention"], await ScalarsAsync("SELECT actor FROM audit_entries WHERE action = 'person.erased'"));
        Assert.Contains(await RowsPerTableAsync("user:bob"), t => t.Value > 0);

        // A clock 89 days on leaves Bob; 91 days on, he has been away long enough too.
        Assert.Equal(0, await RunRetentionAsync(TimeSpan.FromDays(90), DateTimeOffset.UtcNow.AddDays(89)));
        Assert.Equal(1, await RunRetentionAsync(TimeSpan.FromDays(90), DateTimeOffset.UtcNow.AddDays(91)));
        Assert.All(await RowsPerTableAsync("user:bob"), t => Assert.Equal(0, t.Value));
    }

    private async Task<int> RunRetentionAsync(TimeSpan period, DateTimeOffset now)
    {
        using var scope = Fixture.Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var clock = new FixedClock(now);
        var store = services.GetRequiredService<IPersonalDataStore>();
        var rights = new DataRightsService(store, services.GetRequiredService<IAccessLog>(), services.GetRequiredService<Domain.Routines.ProgressService>(), clock);
        return await new RetentionService(store, rights, new RetentionOptions { InactiveFor = period, BatchSize = 10 }, clock).EraseInactiveAsync(default);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task FlushAccessLogAsync()
    {
        using var scope = Fixture.Factory.Services.CreateScope();
        // Listing flushes what this replica has queued.
        await scope.ServiceProvider.GetRequiredService<IAccessLog>().ListAsync(PersonId.ForUser("nobody"), null, 1, default);
    }

    private static async Task<List<JsonNode>> EventsAsync(HttpClient feed) =>
        [.. (await feed.GetFromJsonAsync<JsonObject>("/api/v1/partner/events?limit=500"))!["events"]!.AsArray().Select(e => e!)];

    /// <summary>Rows of the person in every table with a person column, found in the catalogue; partner feed rows other than member.erased count too.</summary>
    private async Task<Dictionary<string, long>> RowsPerTableAsync(string personId)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var find = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'person_id' ORDER BY table_name", connection))
        await using (var reader = await find.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" WHERE person_id = @p", connection);
            count.Parameters.AddWithValue("p", personId);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        if (PersonId.TryParse(personId, out var person) && person.Member is var (partnerId, memberId))
        {
            await using var events = new NpgsqlCommand("SELECT count(*) FROM partner_events WHERE partner_id = @p AND member_id = @m AND type <> 'member.erased'", connection);
            events.Parameters.AddWithValue("p", partnerId);
            events.Parameters.AddWithValue("m", memberId);
            counts["partner_events"] = (long)(await events.ExecuteScalarAsync())!;
        }

        return counts;
    }

    private async Task<List<string>> ScalarsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
