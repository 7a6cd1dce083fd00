using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Infrastructure.Persistence;
using static SciaticaService.Api.Tests.Fixtures.Journeys;

namespace SciaticaService.Api.Tests;

/// <summary>
/// The jsonb columns are read through persisted shapes kept apart from the Domain records: a row written in any shape
/// the service has ever written reads back, and a row the current code wrote is written again unchanged.
/// </summary>
public sealed class StoredShapeTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _alice = fixture.Bearer(TestTokens.For("alice"));

    public void Dispose() => _alice.Dispose();

    [Fact]
    public async Task Rows_the_current_code_wrote_are_written_again_unchanged()
    {
        var assessment = await _alice.AssessAsync(DiscAnswers());
        var routine = await _alice.CreateRoutineAsync(assessment.Id, 30);
        var body = Session(routine, DateTimeOffset.UtcNow.AddMinutes(-5), 4, 3);
        body["items"]![0]!["note"] = "A note — with a dash.";
        body["newSymptoms"] = new JsonArray("saddle_numbness");
        var sessionId = Guid.NewGuid();
        (await _alice.PutAsync($"/api/v1/sessions/{sessionId}", Json(body))).EnsureSuccessStatusCode();

        var before = await ColumnsAsync(assessment.Id, routine.Id, sessionId);
        Assert.All(before, column => Assert.NotNull(column));

        // Every mapped column read and written back through the model, as an update of the row would.
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SciaticaDbContext>();
            var a = await db.Assessments.SingleAsync(x => x.Id == assessment.Id);
            var r = await db.Routines.SingleAsync(x => x.Id == routine.Id);
            var s = await db.Sessions.SingleAsync(x => x.Id == sessionId);
            db.Entry(a).Property(x => x.Result).IsModified = true;
            db.Entry(r).Property(x => x.Items).IsModified = true;
            db.Entry(r).Property(x => x.Changes).IsModified = true;
            db.Entry(s).Property(x => x.Items).IsModified = true;
            db.Entry(s).Property(x => x.Escalation).IsModified = true;
            await db.SaveChangesAsync();
        }

        var after = await ColumnsAsync(assessment.Id, routine.Id, sessionId);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(before[i]!), JsonNode.Parse(after[i]!)), $"column {i} changed:\n{before[i]}\n{after[i]}");
        }
    }

    /// <summary>
    /// Shape 1 of <c>assessments.result</c>, as questionnaire contract 1 wrote it (before bands, confidence, screens,
    /// directional preference, recommendations, STarT Back, subscales and care timing): the current code's real row
    /// with exactly those members taken out.
    /// </summary>
    [Fact]
    public async Task An_assessment_result_in_shape_1_reads_back_through_the_model_the_API_and_the_routine_builder()
    {
        var created = await _alice.PostAsync("/api/v1/assessments", Json(new JsonObject { ["questionnaireVersion"] = 1, ["answers"] = Version1DiscAnswers() }));
        created.EnsureSuccessStatusCode();
        var id = Guid.Parse(JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        var current = JsonNode.Parse((await ColumnsAsync(id, Guid.Empty, Guid.Empty))[0]!)!.AsObject();

        var shape1 = current.DeepClone().AsObject();
        foreach (var member in new[] { "confidence", "screens", "directionalPreference", "recommendations" })
        {
            Assert.True(shape1.Remove(member), member);
        }

        foreach (var cause in shape1["causes"]!.AsArray())
        {
            cause!.AsObject().Remove("band");
        }

        var scores = shape1["scores"]!.AsObject();
        scores.Remove("startBack");
        foreach (var score in scores)
        {
            score.Value?.AsObject().Remove("subscale");
        }

        var triage = shape1["triage"]!.AsObject();
        triage.Remove("timing");
        triage.Remove("notAsked");
        foreach (var flag in triage["flags"]!.AsArray())
        {
            flag!.AsObject().Remove("timing");
        }

        await ExecuteAsync(id, shape1.ToJsonString());

        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<SciaticaDbContext>().Assessments.AsNoTracking().SingleAsync(a => a.Id == id);
            Assert.Null(stored.Result.Confidence);
            Assert.Null(stored.Result.Screens);
            Assert.Null(stored.Result.Triage.NotAsked);
            Assert.All(stored.Result.Causes, c => Assert.Null(c.Band));
            Assert.Equal(current["summary"]!.GetValue<string>(), stored.Result.Summary);
        }

        var read = await _alice.GetAsync($"/api/v1/assessments/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var response = JsonNode.Parse(await read.Content.ReadAsStringAsync())!;
        Assert.Null(response["confidence"]);
        Assert.Equal("unknown", response["directionalPreference"]!.GetValue<string>());
        Assert.Empty(response["recommendations"]!.AsArray());
        Assert.Empty(response["triage"]!["notAsked"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(current["causes"]![0]!["raisedBy"], response["causes"]![0]!["raisedBy"]));

        // The routine builder reads the result by hand (RoutineStore.ReadBasisAsync), not through the model.
        var routine = await _alice.CreateRoutineAsync(id);
        Assert.NotEmpty(routine.Items);
    }

    // The stored JSON of each column, as PostgreSQL gives it back; null for a row that is not there.
    private async Task<List<string?>> ColumnsAsync(Guid assessmentId, Guid routineId, Guid sessionId)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SciaticaDbContext>();
        async Task<string?> One(FormattableString sql) => await db.Database.SqlQuery<string?>(sql).SingleOrDefaultAsync();
        return
        [
            await One($"SELECT result::text AS \"Value\" FROM assessments WHERE id = {assessmentId}"),
            await One($"SELECT items::text AS \"Value\" FROM routines WHERE id = {routineId}"),
            await One($"SELECT changes::text AS \"Value\" FROM routines WHERE id = {routineId}"),
            await One($"SELECT items::text AS \"Value\" FROM sessions WHERE id = {sessionId}"),
            await One($"SELECT escalation::text AS \"Value\" FROM sessions WHERE id = {sessionId}"),
        ];
    }

    private async Task ExecuteAsync(Guid assessmentId, string result)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SciaticaDbContext>().Database
            .ExecuteSqlAsync($"UPDATE assessments SET result = {result}::jsonb WHERE id = {assessmentId}");
    }
}
