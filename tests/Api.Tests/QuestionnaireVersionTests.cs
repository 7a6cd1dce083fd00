using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using SciaticaService.Api.Routines;
using SciaticaService.Api.Tests.Fixtures;
using static SciaticaService.Api.Tests.Fixtures.Journeys;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>Apps that have not moved to questionnaire version 2 keep working, and are told what they did not ask.</summary>
public sealed class QuestionnaireVersionTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _alice = fixture.Bearer(TestTokens.For("alice"));

    public void Dispose() => _alice.Dispose();

    [Fact]
    public async Task Self_checks_name_the_answers_that_skip_them_over_REST_and_gRPC_and_an_answer_sent_anyway_counts()
    {
        var rest = JsonNode.Parse(await _alice.GetStringAsync("/api/v1/questionnaire"))!;
        var grpc = await new V1.AssessmentService.AssessmentServiceClient(Fixture.CreateGrpcChannel())
            .GetQuestionnaireAsync(new V1.GetQuestionnaireRequest(), new Metadata { { "authorization", $"Bearer {TestTokens.For("alice")}" } });

        var items = rest["sections"]!.AsArray().SelectMany(s => s!["items"]!.AsArray()).ToDictionary(i => i!["code"]!.GetValue<string>());
        Assert.Equal(["osteoporosis", "long_term_steroids"], items["toe_reach"]!["skipWhen"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["osteoporosis", "long_term_steroids"], grpc.Sections.SelectMany(s => s.Items).Single(i => i.Code == "toe_reach").SkipWhen);
        Assert.Empty(grpc.Sections.SelectMany(s => s.Items).Single(i => i.Code == "saddle_numbness").SkipWhen);

        var answers = DiscAnswers();
        answers["osteoporosis"] = true;
        answers["toe_reach"] = "knee";
        var assessed = await _alice.PostAsync("/api/v1/assessments", Json(new JsonObject { ["answers"] = answers }));
        Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
    }

    [Fact]
    public async Task Version_1_answers_are_accepted_when_named_and_list_the_safety_questions_not_asked()
    {
        var response = await _alice.PostAsync("/api/v1/assessments", Json(new JsonObject { ["questionnaireVersion"] = 1, ["answers"] = Version1DiscAnswers() }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(1, result["questionnaireVersion"]!.GetValue<int>());
        var notAsked = result["triage"]!["notAsked"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(
            ["both_legs_recent", "foot_drop", "hip_replacement", "infection_risk", "legs_giving_way", "pain_uncontrolled", "pregnant", "sexual_function_change",
             "symptom_duration", "thoracic_pain"],
            notAsked.Order(StringComparer.Ordinal));
        // Unasked is not "no": never self-care.
        Assert.Equal("see_gp", result["triage"]!["level"]!.GetValue<string>());

        // Version 1 never asked about a new loss of sexual function, both legs lately, a foot drop or legs giving way: a yes
        // to any would need a doctor before exercising, so no routine follows until they are answered (vignette W1).
        Assert.False(result["triage"]!["routineAllowed"]!.GetValue<bool>());
        var refused = await _alice.PostAsJsonAsync("/api/v1/routines", new CreateRoutineRequest(Guid.Parse(result["id"]!.GetValue<string>()), 15));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal(Domain.Errors.ErrorCodes.RoutineNotAllowed, problem["code"]!.GetValue<string>());
        Assert.Contains("answer the remaining safety questions", problem.ToJsonString(), StringComparison.Ordinal);

        // The current questionnaire answered in full gives the routine: the unasked questions held it back, not a red flag.
        var current = await _alice.AssessAsync(DiscAnswers());
        Assert.Equal(HttpStatusCode.Created, (await _alice.PostAsJsonAsync("/api/v1/routines", new CreateRoutineRequest(current.Id, 15))).StatusCode);
    }

    [Fact]
    public async Task The_latest_version_is_the_default_and_checks_answers_against_itself()
    {
        var old = await _alice.PostAsync("/api/v1/assessments", Json(new JsonObject { ["answers"] = Version1DiscAnswers() }));
        var current = await _alice.PostAsync("/api/v1/assessments", Json(new JsonObject { ["answers"] = DiscAnswers() }));
        var unknown = await _alice.PostAsync("/api/v1/assessments", Json(new JsonObject { ["questionnaireVersion"] = 9, ["answers"] = DiscAnswers() }));

        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        var errors = JsonNode.Parse(await old.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("sexual_function_change", errors.Select(e => e.Key));
        Assert.Contains("steroids_or_osteoporosis", errors.Select(e => e.Key));
        Assert.Equal(HttpStatusCode.Created, current.StatusCode);
        Assert.Empty(JsonNode.Parse(await current.Content.ReadAsStringAsync())!["triage"]!["notAsked"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("questionnaireVersion", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_gRPC_a_partner_names_the_version_and_reads_what_was_not_asked()
    {
        var partner = await Fixture.CreatePartnerAsync("Legacy platform");
        var client = new V1.AssessmentService.AssessmentServiceClient(Fixture.CreateGrpcChannel());
        var headers = new Metadata { { "x-api-key", partner.ApiKey } };
        var request = new V1.SubmitAssessmentRequest { MemberId = "m-1", QuestionnaireVersion = 1 };
        request.Answers.Add(ToValues(Version1DiscAnswers()));

        var submitted = await client.SubmitAssessmentAsync(request, headers);
        var version1 = await client.GetQuestionnaireAsync(new V1.GetQuestionnaireRequest(), headers);

        Assert.Equal(1, submitted.QuestionnaireVersion);
        Assert.Contains("sexual_function_change", submitted.Triage.NotAsked);
        Assert.Equal(V1.TriageLevel.SeeGp, submitted.Triage.Level);
        Assert.Equal(V1.CareTiming.WithinWeeks, submitted.Triage.Timing);
        Assert.Equal(2, version1.Contract);
        Assert.Contains(version1.Sections.SelectMany(s => s.Items), i => i.Options.Any(o => o.Evidence.Sources.Count > 0));
    }
}
