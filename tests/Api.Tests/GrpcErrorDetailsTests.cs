using System.Net;
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
/// Over gRPC an invalid request's rich status names each field by its proto path in the request message
/// (<c>report.items[0].pain_during</c>), as google.rpc.BadRequest asks; REST names the same fields in camelCase.
/// </summary>
public sealed class GrpcErrorDetailsTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _alice = fixture.Bearer(TestTokens.For("alice"));
    private readonly Metadata _auth = new() { { "authorization", $"Bearer {TestTokens.For("alice")}" } };
    private readonly V1.SessionService.SessionServiceClient _sessions = new(fixture.CreateGrpcChannel());

    public void Dispose() => _alice.Dispose();

    /// <summary>A session whose fields are all there, four of them wrong.</summary>
    private static V1.SessionReport BadReport(RoutineResponse routine)
    {
        var done = DateTimeOffset.UtcNow.AddMinutes(-5);
        return new V1.SessionReport
        {
            RoutineId = routine.Id.ToString(),
            StartedAt = Timestamp.FromDateTimeOffset(done.AddMinutes(-15)),
            CompletedAt = Timestamp.FromDateTimeOffset(done),
            PainBefore = 4,
            PainAfter = 11,
            Items =
            {
                new V1.SessionItem { Stretch = routine.Items[0].Stretch, Done = true, SetsDone = 1, PainDuring = 12 },
                new V1.SessionItem { Stretch = routine.Items[1].Stretch, Done = false, SetsDone = 2 },
            },
            NewSymptoms = { "hiccups" },
        };
    }

    private static BadRequest BadRequestOf(RpcException exception) => exception.GetRpcStatus()!.GetDetail<BadRequest>();

    [Fact]
    public async Task A_session_names_proto_paths_over_gRPC_and_camelCase_over_REST()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id);
        var report = BadReport(routine);

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            _sessions.PutSessionAsync(new V1.PutSessionRequest { Id = Guid.NewGuid().ToString(), Report = report }, _auth).ResponseAsync);
        var rest = await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(JsonNode.Parse(new Google.Protobuf.JsonFormatter(Google.Protobuf.JsonFormatter.Settings.Default.WithFormatDefaultValues(true)).Format(report))!));

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal("invalid_session", exception.Trailers.GetValue("error-code"));
        Assert.Equal(
            ["report.items[0].pain_during", "report.items[1].sets_done", "report.new_symptoms[0]", "report.pain_after"],
            BadRequestOf(exception).FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Contains("report.pain_after: From 0 to 10.", exception.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("painAfter", exception.Status.Detail, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, rest.StatusCode);
        var restFields = JsonNode.Parse(await rest.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["items[0].painDuring", "items[1].setsDone", "newSymptoms[0]", "painAfter"], restFields);
    }

    [Fact]
    public async Task The_empty_UUID_as_a_session_id_is_named_id()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id);
        var report = BadReport(routine);
        report.PainAfter = 3;
        report.Items.Clear();
        report.NewSymptoms.Clear();

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            _sessions.PutSessionAsync(new V1.PutSessionRequest { Id = Guid.Empty.ToString(), Report = report }, _auth).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal("id", Assert.Single(BadRequestOf(exception).FieldViolations).Field);
    }

    [Fact]
    public async Task A_batch_names_each_problem_within_its_session()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id);
        var request = new V1.PutSessionBatchRequest { Sessions = { new V1.BatchSession { Id = Guid.NewGuid().ToString(), Report = BadReport(routine) } } };

        var response = await _sessions.PutSessionBatchAsync(request, _auth);

        var result = Assert.Single(response.Results);
        Assert.Equal("invalid", result.Status);
        Assert.Equal(
            ["report.items[0].pain_during", "report.items[1].sets_done", "report.new_symptoms[0]", "report.pain_after"],
            result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }
}
