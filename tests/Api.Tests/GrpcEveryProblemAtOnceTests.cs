using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using SciaticaService.Api.Routines;
using SciaticaService.Api.Tests.Fixtures;
using static SciaticaService.Api.Tests.Fixtures.Journeys;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>
/// A request the gRPC adapter cannot fully read (a missing or malformed field) is still checked whole: the fields it
/// could not read are reported with every other problem, in one INVALID_ARGUMENT, and nothing is stored.
/// </summary>
public sealed class GrpcEveryProblemAtOnceTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _alice = fixture.Bearer(TestTokens.For("alice"));
    private readonly Metadata _auth = new() { { "authorization", $"Bearer {TestTokens.For("alice")}" } };

    public void Dispose() => _alice.Dispose();

    private static async Task<(RpcException Exception, List<string> Fields)> RejectedAsync<T>(Func<AsyncUnaryCall<T>> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() => call().ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        var fields = exception.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal).ToList();
        return (exception, fields);
    }

    private async Task<RoutineResponse> RoutineAsync() => await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id);

    [Fact]
    public async Task A_session_with_missing_fields_reports_them_with_every_other_problem()
    {
        var routine = await RoutineAsync();
        var sessions = new V1.SessionService.SessionServiceClient(Fixture.CreateGrpcChannel());
        var report = new V1.SessionReport
        {
            RoutineId = routine.Id.ToString(),
            CompletedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)),
            PainAfter = 11,
            Items = { new V1.SessionItem { Stretch = routine.Items[0].Stretch, Done = true, SetsDone = 1, PainDuring = 12 } },
            NewSymptoms = { "hiccups" },
        };

        var (exception, fields) = await RejectedAsync(() =>
            sessions.PutSessionAsync(new V1.PutSessionRequest { Id = Guid.NewGuid().ToString(), Report = report }, _auth));

        Assert.Equal("invalid_session", exception.Trailers.GetValue("error-code"));
        Assert.Equal(
            ["report.items[0].pain_during", "report.new_symptoms[0]", "report.pain_after", "report.pain_before", "report.started_at"], fields);
        Assert.DoesNotContain((await _alice.GetFromJsonAsync<JsonObject>("/api/v1/me/progress"))!["weeks"]!.AsArray(), w => w!["sessionsDone"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task A_session_with_an_unreadable_or_unknown_routine_still_has_its_other_fields_checked()
    {
        var routine = await RoutineAsync();
        var sessions = new V1.SessionService.SessionServiceClient(Fixture.CreateGrpcChannel());
        var done = DateTimeOffset.UtcNow.AddMinutes(-1);
        V1.SessionReport Report(string routineId) => new()
        {
            RoutineId = routineId,
            StartedAt = Timestamp.FromDateTimeOffset(done.AddMinutes(-10)),
            CompletedAt = Timestamp.FromDateTimeOffset(done),
            PainBefore = 3,
            PainAfter = 11,
            Items = { new V1.SessionItem { Stretch = routine.Items[0].Stretch, Done = false, SetsDone = 1 } },
        };

        var (_, unreadable) = await RejectedAsync(() =>
            sessions.PutSessionAsync(new V1.PutSessionRequest { Id = "not-a-uuid", Report = Report("nope") }, _auth));
        var (_, unknown) = await RejectedAsync(() =>
            sessions.PutSessionAsync(new V1.PutSessionRequest { Id = Guid.NewGuid().ToString(), Report = Report(Guid.NewGuid().ToString()) }, _auth));
        var (_, missing) = await RejectedAsync(() => sessions.PutSessionAsync(new V1.PutSessionRequest { Id = "nope" }, _auth));

        Assert.Equal(["id", "report.items[0].sets_done", "report.pain_after", "report.routine_id"], unreadable);
        Assert.Equal(["report.items[0].sets_done", "report.pain_after", "report.routine_id"], unknown);
        Assert.Equal(["id", "report"], missing);
    }

    [Fact]
    public async Task A_batch_session_with_missing_fields_is_invalid_with_every_problem()
    {
        var routine = await RoutineAsync();
        var sessions = new V1.SessionService.SessionServiceClient(Fixture.CreateGrpcChannel());
        var report = new V1.SessionReport
        {
            RoutineId = routine.Id.ToString(),
            StartedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-20)),
            CompletedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)),
            PainAfter = 11,
        };
        var request = new V1.PutSessionBatchRequest
        {
            Sessions =
            {
                new V1.BatchSession { Id = Guid.NewGuid().ToString(), Report = report },
                new V1.BatchSession { Id = Guid.NewGuid().ToString() },
            },
        };

        var response = await sessions.PutSessionBatchAsync(request, _auth);
        var badIds = await RejectedAsync(() => sessions.PutSessionBatchAsync(
            new V1.PutSessionBatchRequest { Sessions = { new V1.BatchSession { Id = "a" }, new V1.BatchSession { Id = "b" } } }, _auth));

        Assert.Equal(["invalid", "invalid"], response.Results.Select(r => r.Status));
        Assert.Equal(["report.pain_after", "report.pain_before"], response.Results[0].Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal(["report"], response.Results[1].Errors.Select(e => e.Field));
        Assert.Equal(["sessions[0].id", "sessions[1].id"], badIds.Fields);
    }

    [Fact]
    public async Task A_routine_request_reports_an_unreadable_assessment_id_with_a_bad_budget()
    {
        var routines = new V1.RoutineService.RoutineServiceClient(Fixture.CreateGrpcChannel());

        var (_, fields) = await RejectedAsync(() =>
            routines.CreateRoutineAsync(new V1.CreateRoutineRequest { AssessmentId = "nope", MinutesPerDay = 99 }, _auth));

        Assert.Equal(["assessment_id", "minutes_per_day"], fields);
    }

    [Fact]
    public async Task A_clearance_reports_every_field_at_once()
    {
        var assessments = new V1.AssessmentService.AssessmentServiceClient(Fixture.CreateGrpcChannel());

        var (exception, fields) = await RejectedAsync(() => assessments.RecordClearanceAsync(
            new V1.RecordClearanceRequest { Id = "x", AssessmentId = "nope", ClearedBy = " ", ClearedOn = "soon" }, _auth));

        Assert.Equal("invalid_clearance", exception.Trailers.GetValue("error-code"));
        Assert.Equal(["assessment_id", "cleared_by", "cleared_on", "id"], fields);
    }

    [Fact]
    public async Task A_progress_period_reports_both_days_over_gRPC_and_REST()
    {
        var progress = new V1.ProgressService.ProgressServiceClient(Fixture.CreateGrpcChannel());

        var (exception, fields) = await RejectedAsync(() =>
            progress.GetProgressAsync(new V1.GetProgressRequest { From = "bad", To = "1999-01-01" }, _auth));
        var rest = await _alice.GetAsync("/api/v1/me/progress?from=bad&to=1999-01-01");

        Assert.Equal("invalid_query", exception.Trailers.GetValue("error-code"));
        Assert.Equal(["from", "to"], fields);
        Assert.Equal(HttpStatusCode.BadRequest, rest.StatusCode);
        var body = JsonNode.Parse(await rest.Content.ReadAsStringAsync())!;
        Assert.Equal("invalid_query", body["code"]!.GetValue<string>());
        Assert.Equal(["from", "to"], body["errors"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_assessment_reports_an_unreadable_id_with_its_answers_problems()
    {
        var assessments = new V1.AssessmentService.AssessmentServiceClient(Fixture.CreateGrpcChannel());
        var request = new V1.SubmitAssessmentRequest { Id = "nope", Answers = { ToValues(DiscAnswers()) } };
        request.Answers["age"] = Value.ForString("old");
        request.Answers.Remove("onset");

        var (exception, fields) = await RejectedAsync(() => assessments.SubmitAssessmentAsync(request, _auth));

        Assert.Equal("invalid_answers", exception.Trailers.GetValue("error-code"));
        Assert.Equal(["age", "id", "onset"], fields);
    }
}
