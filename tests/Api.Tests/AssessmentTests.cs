using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using SciaticaService.Api.Assessments;
using SciaticaService.Api.Tests.Fixtures;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

public sealed class AssessmentTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _alice = fixture.Bearer(TestTokens.For("alice"));

    public void Dispose() => _alice.Dispose();

    private static JsonObject DiscAnswers(bool saddleNumbness = false) => Journeys.DiscAnswers(saddleNumbness);

    private static StringContent Body(JsonObject answers, Guid? id = null) =>
        Journeys.Json(new JsonObject { ["id"] = id?.ToString(), ["answers"] = answers });

    [Fact]
    public async Task The_questionnaire_is_public_and_carries_the_contract_items()
    {
        var questionnaire = await Client.GetFromJsonAsync<JsonObject>("/api/v1/questionnaire");

        var items = questionnaire!["sections"]!.AsArray().SelectMany(s => s!["items"]!.AsArray()).ToList();
        Assert.Equal(2, questionnaire["version"]!.GetValue<int>());
        Assert.Equal(2, questionnaire["contract"]!.GetValue<int>());
        Assert.Contains(items, i => i!["code"]!.GetValue<string>() == "saddle_numbness" && i["required"]!.GetValue<bool>() && i["type"]!.GetValue<string>() == "boolean");
        Assert.Contains(items, i => i!["code"]!.GetValue<string>() == "pain_location" && i["options"]!.AsArray().Count == 4);
        Assert.Contains(items, i => i!["options"]?.AsArray().Any(o => o!["evidence"] is not null) == true);
    }

    [Fact]
    public async Task Submitting_returns_triage_causes_imbalances_and_scores_and_stores_them()
    {
        var response = await _alice.PostAsync("/api/v1/assessments", Body(DiscAnswers()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("self_care", root.GetProperty("triage").GetProperty("level").GetString());
        Assert.Equal("herniated-disc", root.GetProperty("causes")[0].GetProperty("condition").GetString());
        Assert.Equal(1.0, root.GetProperty("causes").EnumerateArray().Sum(c => c.GetProperty("probability").GetDouble()), 9);
        Assert.Equal(4, root.GetProperty("causes").GetArrayLength());
        Assert.Equal(5 + 3 + 1 + 4, root.GetProperty("scores").GetProperty("sbi").GetProperty("value").GetInt32());
        Assert.Equal(40, root.GetProperty("scores").GetProperty("odi").GetProperty("value").GetInt32());
        Assert.Equal("moderate", root.GetProperty("scores").GetProperty("odi").GetProperty("band").GetString());
        Assert.Equal(2, root.GetProperty("questionnaireVersion").GetInt32());
        Assert.Contains("not a diagnosis", root.GetProperty("disclaimer").GetString(), StringComparison.Ordinal);
        Assert.Equal(response.Headers.Location!.ToString(), $"/api/v1/assessments/{root.GetProperty("id").GetString()}");
    }

    [Fact]
    public async Task An_emergency_is_flagged_first_and_allows_no_routine()
    {
        var result = await (await _alice.PostAsync("/api/v1/assessments", Body(DiscAnswers(saddleNumbness: true)))).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal("emergency", result!["triage"]!["level"]!.GetValue<string>());
        Assert.False(result["triage"]!["routineAllowed"]!.GetValue<bool>());
        Assert.Equal("cauda_equina", result["triage"]!["flags"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_answers_are_a_400_listing_every_offending_code()
    {
        var answers = DiscAnswers();
        answers.Remove("bladder_bowel_change");
        answers["age"] = "thirty";
        answers["pain_now"] = 11;
        answers["made_up"] = true;
        answers["pain_location"] = JsonNode.Parse("""{"nested": true}""");

        var response = await _alice.PostAsync("/api/v1/assessments", Body(answers));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("code").GetString() == "invalid_answers", body);
        Assert.Equal("invalid_answers", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(
            new[] { "age", "bladder_bowel_change", "made_up", "pain_location", "pain_now" },
            problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Empty((await _alice.GetFromJsonAsync<AssessmentPageResponse>("/api/v1/me/assessments", TestJson.Options))!.Items);
    }

    [Fact]
    public async Task A_stored_assessment_reads_back_identically_after_a_restart()
    {
        var created = await _alice.PostAsync("/api/v1/assessments", Body(DiscAnswers()));
        var original = await created.Content.ReadAsStringAsync();
        var id = JsonDocument.Parse(original).RootElement.GetProperty("id").GetString();

        await using var restarted = new SciaticaApiFactory(Fixture.ConnectionString);
        using var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("alice"));
        var reread = await client.GetStringAsync($"/api/v1/assessments/{id}");

        Assert.Equal(original, reread);
    }

    [Fact]
    public async Task A_resend_with_the_same_id_is_idempotent_and_other_answers_under_it_conflict()
    {
        var id = Guid.NewGuid();

        var first = await _alice.PostAsync("/api/v1/assessments", Body(DiscAnswers(), id));
        var again = await _alice.PostAsync("/api/v1/assessments", Body(DiscAnswers(), id));
        var changed = DiscAnswers();
        changed["pain_now"] = 2;
        var conflicting = await _alice.PostAsync("/api/v1/assessments", Body(changed, id));
        using var bob = Fixture.Bearer(TestTokens.For("bob"));
        var someoneElse = await bob.PostAsync("/api/v1/assessments", Body(DiscAnswers(), id));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, conflicting.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, someoneElse.StatusCode);
        Assert.Single((await _alice.GetFromJsonAsync<AssessmentPageResponse>("/api/v1/me/assessments", TestJson.Options))!.Items);
    }

    [Fact]
    public async Task The_same_submission_sent_ten_times_at_once_stores_one_assessment()
    {
        var id = Guid.NewGuid();
        var body = Body(DiscAnswers(), id);
        var json = await body.ReadAsStringAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            _alice.PostAsync("/api/v1/assessments", new StringContent(json, Encoding.UTF8, "application/json"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(bodies[0], await _alice.GetStringAsync($"/api/v1/assessments/{id}"));
        Assert.Single((await _alice.GetFromJsonAsync<AssessmentPageResponse>("/api/v1/me/assessments", TestJson.Options))!.Items);
    }

    [Fact]
    public async Task Nobody_else_can_read_an_assessment_not_even_the_same_member_id_at_another_partner()
    {
        var partnerA = await Fixture.CreatePartnerAsync("A");
        var partnerB = await Fixture.CreatePartnerAsync("B");
        using var memberOfA = Fixture.Partner(partnerA.ApiKey, "123");
        using var memberOfB = Fixture.Partner(partnerB.ApiKey, "123");
        using var userNamed123 = Fixture.Bearer(TestTokens.For("123"));
        using var partnerWithoutMember = Fixture.Partner(partnerA.ApiKey);

        var created = await (await memberOfA.PostAsync("/api/v1/assessments", Body(DiscAnswers()))).Content.ReadFromJsonAsync<AssessmentResponse>(TestJson.Options);
        var path = $"/api/v1/assessments/{created!.Id}";

        Assert.Equal(HttpStatusCode.OK, (await memberOfA.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await memberOfB.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await userNamed123.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _alice.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partnerWithoutMember.GetAsync(path)).StatusCode);
        Assert.Empty((await memberOfB.GetFromJsonAsync<AssessmentPageResponse>("/api/v1/me/assessments", TestJson.Options))!.Items);
    }

    [Fact]
    public async Task History_is_newest_first_and_paged_with_a_cursor()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var answers = DiscAnswers();
            answers["pain_now"] = i;
            ids.Add((await (await _alice.PostAsync("/api/v1/assessments", Body(answers))).Content.ReadFromJsonAsync<AssessmentResponse>(TestJson.Options))!.Id);
        }

        var first = await _alice.GetFromJsonAsync<AssessmentPageResponse>("/api/v1/me/assessments?limit=2", TestJson.Options);
        var second = await _alice.GetFromJsonAsync<AssessmentPageResponse>($"/api/v1/me/assessments?limit=2&cursor={first!.NextCursor}", TestJson.Options);
        var third = await _alice.GetFromJsonAsync<AssessmentPageResponse>($"/api/v1/me/assessments?limit=2&cursor={second!.NextCursor}", TestJson.Options);
        var badCursor = await _alice.GetAsync("/api/v1/me/assessments?cursor=not-a-cursor");
        var badLimit = await _alice.GetAsync("/api/v1/me/assessments?limit=1000");

        ids.Reverse();
        Assert.Equal(ids, first.Items.Concat(second.Items).Concat(third!.Items).Select(a => a.Id));
        Assert.Null(third.NextCursor);
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    [Fact]
    public async Task The_FHIR_bundle_holds_the_response_and_an_observation_per_score()
    {
        var created = await (await _alice.PostAsync("/api/v1/assessments", Body(DiscAnswers()))).Content.ReadFromJsonAsync<AssessmentResponse>(TestJson.Options);

        var response = await _alice.GetAsync($"/api/v1/assessments/{created!.Id}/fhir");

        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("Bundle", "collection"), (bundle["resourceType"]!.GetValue<string>(), bundle["type"]!.GetValue<string>()));
        var resources = bundle["entry"]!.AsArray().Select(e => (Url: e!["fullUrl"]!.GetValue<string>(), Resource: e["resource"]!)).ToList();
        var questionnaireResponse = Assert.Single(resources, r => r.Resource["resourceType"]!.GetValue<string>() == "QuestionnaireResponse");
        Assert.Equal("completed", questionnaireResponse.Resource["status"]!.GetValue<string>());
        var items = questionnaireResponse.Resource["item"]!.AsArray();
        Assert.Equal(created.Answers.Keys.Order(StringComparer.Ordinal), items.Select(i => i!["linkId"]!.GetValue<string>()));
        var location = items.Single(i => i!["linkId"]!.GetValue<string>() == "pain_location")!["answer"]![0]!["valueCoding"]!;
        Assert.Equal("below_knee", location["code"]!.GetValue<string>());
        Assert.Equal(2, location["extension"]![0]!["valueDecimal"]!.GetValue<int>());
        Assert.True(items.Single(i => i!["linkId"]!.GetValue<string>() == "worse_sitting")!["answer"]![0]!["valueBoolean"]!.GetValue<bool>());

        var observations = resources.Where(r => r.Resource["resourceType"]!.GetValue<string>() == "Observation").Select(r => r.Resource).ToList();
        Assert.Equal(3, observations.Count);
        var nprs = Assert.Single(observations, o => o["code"]!["coding"]![0]!["code"]!.GetValue<string>() == "72514-3");
        Assert.Equal("http://loinc.org", nprs["code"]!["coding"]![0]!["system"]!.GetValue<string>());
        Assert.Equal(6, nprs["valueInteger"]!.GetValue<int>());
        Assert.All(observations, o =>
        {
            Assert.Equal(questionnaireResponse.Url, o["derivedFrom"]![0]!["reference"]!.GetValue<string>());
            Assert.NotNull(o["effectiveDateTime"]);
            Assert.Equal(questionnaireResponse.Resource["subject"]!.ToJsonString(), o["subject"]!.ToJsonString());
        });
    }

    [Fact]
    public async Task Over_gRPC_a_partner_submits_and_reads_for_its_member()
    {
        var partner = await Fixture.CreatePartnerAsync("Physio platform");
        var client = new V1.AssessmentService.AssessmentServiceClient(Fixture.CreateGrpcChannel());
        var headers = new Metadata { { "x-api-key", partner.ApiKey } };
        var request = new V1.SubmitAssessmentRequest { MemberId = "m-7" };
        foreach (var (code, value) in DiscAnswers())
        {
            request.Answers[code] = value!.GetValueKind() switch
            {
                JsonValueKind.True or JsonValueKind.False => Value.ForBool(value.GetValue<bool>()),
                JsonValueKind.Number => Value.ForNumber(value.GetValue<int>()),
                _ => Value.ForString(value.GetValue<string>()),
            };
        }

        var questionnaire = await client.GetQuestionnaireAsync(new V1.GetQuestionnaireRequest());
        var submitted = await client.SubmitAssessmentAsync(request, headers);
        var read = await client.GetAssessmentAsync(new V1.GetAssessmentRequest { Id = submitted.Id, MemberId = "m-7" }, headers);
        var list = await client.ListAssessmentsAsync(new V1.ListAssessmentsRequest { MemberId = "m-7" }, headers);
        var otherMember = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetAssessmentAsync(new V1.GetAssessmentRequest { Id = submitted.Id, MemberId = "m-8" }, headers).ResponseAsync);

        Assert.Equal(2, questionnaire.Version);
        Assert.Equal(2, questionnaire.Contract);
        Assert.Equal("herniated-disc", submitted.Causes[0].Condition);
        Assert.Equal(V1.TriageLevel.SelfCare, submitted.Triage.Level);
        Assert.Equal(submitted, read);
        Assert.Equal(submitted.Id, Assert.Single(list.Assessments).Id);
        Assert.Equal(StatusCode.NotFound, otherMember.StatusCode);
        Assert.Equal("assessment_not_found", otherMember.Trailers.GetValue("error-code"));

        // REST sees the same assessment for the same member.
        using var rest = Fixture.Partner(partner.ApiKey, "m-7");
        var viaRest = await rest.GetFromJsonAsync<AssessmentResponse>($"/api/v1/assessments/{submitted.Id}", TestJson.Options);
        Assert.Equal(submitted.Causes.Select(c => c.Probability), viaRest!.Causes.Select(c => c.Probability));
    }

    [Fact]
    public async Task Over_gRPC_bad_answers_are_InvalidArgument_listing_each_code()
    {
        var client = new V1.AssessmentService.AssessmentServiceClient(Fixture.CreateGrpcChannel());
        var request = new V1.SubmitAssessmentRequest();
        request.Answers["age"] = Value.ForString("old");
        request.Answers["pain_now"] = Value.ForNumber(2.5);
        request.Answers["saddle_numbness"] = Value.ForNull();
        var headers = new Metadata { { "authorization", $"Bearer {TestTokens.For("alice")}" } };

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.SubmitAssessmentAsync(request, headers).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        var fields = exception.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains("age", fields);
        Assert.Contains("pain_now", fields);
        Assert.Contains("saddle_numbness", fields);
        Assert.Contains("bladder_bowel_change", fields);
    }

    [Fact]
    public async Task A_high_risk_STarT_Back_is_stored_advised_and_shown_in_progress()
    {
        var answers = DiscAnswers();
        for (var i = 1; i <= 8; i++)
        {
            answers[$"startback_{i}"] = i >= 5;
        }

        answers["startback_9"] = "extremely";

        var result = JsonNode.Parse(await (await _alice.PostAsync("/api/v1/assessments", Body(answers))).Content.ReadAsStringAsync())!;
        var progress = JsonNode.Parse(await _alice.GetStringAsync("/api/v1/me/progress"))!;

        var startBack = result["scores"]!["startBack"]!;
        Assert.Equal((5, 5, "high"), (startBack["value"]!.GetValue<int>(), startBack["subscale"]!.GetValue<int>(), startBack["band"]!.GetValue<string>()));
        Assert.Contains(result["recommendations"]!.AsArray(), r => r!["code"]!.GetValue<string>() == "see_physiotherapist");
        Assert.Equal("high", Assert.Single(progress["assessments"]!.AsArray())!["startBackRisk"]!.GetValue<string>());
    }
}
