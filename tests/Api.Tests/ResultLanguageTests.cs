using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SciaticaService.Api.Assessments;
using SciaticaService.Api.Routines;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Domain.Assessments;
using static SciaticaService.Api.Tests.Fixtures.Journeys;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>Results, advice and escalations in the person's language over REST and gRPC; codes the same in every language.</summary>
public sealed class ResultLanguageTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _carmen = fixture.Bearer(TestTokens.For("carmen"));

    public void Dispose() => _carmen.Dispose();

    private static string Bearer => "Bearer " + TestTokens.For("carmen");

    [Fact]
    public async Task An_emergency_made_in_Spanish_reads_back_in_Spanish_and_in_German_when_asked_with_the_same_codes()
    {
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assessments") { Content = Json(new JsonObject { ["answers"] = DiscAnswers(saddleNumbness: true) }) };
        submit.Headers.TryAddWithoutValidation("Accept-Language", "es-MX, en;q=0.5");
        var made = await (await _carmen.SendAsync(submit)).Content.ReadFromJsonAsync<AssessmentResponse>(TestJson.Options);

        var plain = await _carmen.GetAsync($"/api/v1/assessments/{made!.Id}");
        var spanish = await plain.Content.ReadFromJsonAsync<AssessmentResponse>(TestJson.Options);
        var german = await _carmen.GetFromJsonAsync<AssessmentResponse>($"/api/v1/assessments/{made.Id}?lang=de", TestJson.Options);
        using var inEnglish = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/assessments/{made.Id}");
        inEnglish.Headers.TryAddWithoutValidation("Accept-Language", "en-GB");
        var english = await (await _carmen.SendAsync(inEnglish)).Content.ReadFromJsonAsync<AssessmentResponse>(TestJson.Options);

        Assert.Equal(("es", "es"), (spanish!.Language, spanish.MadeIn));
        Assert.Equal(["es"], plain.Content.Headers.ContentLanguage);
        Assert.Equal(TriageTexts.Flags["cauda_equina"].Advice.Es, spanish.Triage.Advice);
        Assert.Equal(TriageTexts.Flags["cauda_equina"].Name.Es, spanish.Triage.Flags[0].Name);
        Assert.Contains("urgencias", spanish.Summary, StringComparison.Ordinal);
        Assert.Equal(ResultTexts.Disclaimer.Es, spanish.Disclaimer);
        Assert.Equal(made.Triage.Advice, spanish.Triage.Advice);
        Assert.Equal(("de", "es"), (german!.Language, german.MadeIn));
        Assert.Contains("Notaufnahme", german.Triage.Advice, StringComparison.Ordinal);
        Assert.Equal(ResultTexts.Disclaimer.De, german.Disclaimer);
        Assert.StartsWith("Einige Ihrer Antworten", german.Summary, StringComparison.Ordinal);
        Assert.Equal("en", english!.Language);
        Assert.StartsWith("Go to an emergency department now", english.Triage.Advice, StringComparison.Ordinal);
        Assert.Equal(AssessmentEngine.Disclaimer, english.Disclaimer);

        foreach (var other in new[] { german, english })
        {
            Assert.Equal(Codes(spanish), Codes(other));
            Assert.NotEqual(spanish.Summary, other.Summary);
            Assert.NotEqual(spanish.Confidence!.Reason, other.Confidence!.Reason);
        }
    }

    [Fact]
    public async Task A_flag_that_still_stands_is_told_in_the_language_of_the_later_assessment()
    {
        using var dana = Fixture.Bearer(TestTokens.For("dana-standing"));
        var urgent = DiscAnswers();
        urgent["fever_or_unwell"] = true;
        await dana.AssessAsync(urgent);
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assessments") { Content = Json(new JsonObject { ["answers"] = DiscAnswers() }) };
        submit.Headers.TryAddWithoutValidation("Accept-Language", "es");
        var clean = await (await dana.SendAsync(submit)).Content.ReadFromJsonAsync<AssessmentResponse>(TestJson.Options);

        using var inEnglish = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/assessments/{clean!.Id}");
        inEnglish.Headers.TryAddWithoutValidation("Accept-Language", "en");
        var english = await (await dana.SendAsync(inEnglish)).Content.ReadFromJsonAsync<AssessmentResponse>(TestJson.Options);

        Assert.NotNull(clean.Triage.Standing);
        Assert.StartsWith(ResultTexts.StandingSummary.En, english!.Summary, StringComparison.Ordinal);
        Assert.StartsWith(ResultTexts.StandingSummary.Es, clean.Summary, StringComparison.Ordinal);
        Assert.StartsWith("Una señal de alarma que comunicó el ", clean.Triage.Advice, StringComparison.Ordinal);
        Assert.Contains(TriageTexts.Flags["possible_spinal_infection"].Advice.Es, clean.Triage.Advice, StringComparison.Ordinal);
        Assert.Equal(TriageTexts.Flags["possible_spinal_infection"].Name.Es, clean.Triage.Standing!.Flags[0].Name);
        Assert.Equal(english.Triage.Level, clean.Triage.Level);
    }

    [Fact]
    public async Task gRPC_shows_a_result_in_the_same_words_as_REST()
    {
        var made = await _carmen.AssessAsync(DiscAnswers());
        var rest = await _carmen.GetFromJsonAsync<AssessmentResponse>($"/api/v1/assessments/{made.Id}?lang=de", TestJson.Options);

        var grpc = await new V1.AssessmentService.AssessmentServiceClient(Fixture.CreateGrpcChannel()).GetAssessmentAsync(
            new V1.GetAssessmentRequest { Id = made.Id.ToString() }, new Metadata { { "authorization", Bearer }, { "accept-language", "de-AT" } });

        Assert.Equal("de", grpc.Language);
        Assert.Equal("en", grpc.MadeIn);
        Assert.Equal(rest!.Triage.Advice, grpc.Triage.Advice);
        Assert.Equal(TriageTexts.SelfCare.De, grpc.Triage.Advice);
        Assert.Equal(rest.Summary, grpc.Summary);
        Assert.Equal(rest.Disclaimer, grpc.Disclaimer);
        Assert.Equal(rest.Confidence!.Reason, grpc.Confidence.Reason);
        Assert.Equal(rest.Recommendations.Select(r => (r.Code, r.Message)), grpc.Recommendations.Select(r => (r.Code, r.Message)));
        Assert.Equal(rest.Triage.Flags.Select(f => (f.Code, f.Name, f.Advice)), grpc.Triage.Flags.Select(f => (f.Code, f.Name, f.Advice)));
    }

    [Fact]
    public async Task A_new_emergency_symptom_in_a_session_is_explained_in_the_language_asked_for()
    {
        var routine = await _carmen.CreateRoutineAsync((await _carmen.AssessAsync(DiscAnswers())).Id);
        var body = Session(routine, DateTimeOffset.UtcNow.AddMinutes(-1), 3, 3);
        body["newSymptoms"] = new JsonArray("saddle_numbness");
        var id = Guid.NewGuid();
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/sessions/{id}") { Content = Json(body) };
        put.Headers.TryAddWithoutValidation("Accept-Language", "de");

        var response = await _carmen.SendAsync(put);
        var session = await response.Content.ReadFromJsonAsync<SessionResponse>(TestJson.Options);
        var grpc = await new V1.SessionService.SessionServiceClient(Fixture.CreateGrpcChannel()).GetSessionAsync(
            new V1.GetSessionRequest { Id = id.ToString() }, new Metadata { { "authorization", Bearer }, { "accept-language", "es" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["de"], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Equal(TriageLevel.Emergency, session!.Escalation!.Level);
        Assert.Equal(TriageTexts.Flags["cauda_equina"].Advice.De, session.Escalation.Advice);
        Assert.Equal(V1.TriageLevel.Emergency, grpc.Escalation.Level);
        Assert.Equal(TriageTexts.Flags["cauda_equina"].Advice.Es, grpc.Escalation.Advice);
        Assert.Equal(TriageTexts.Flags["cauda_equina"].Name.Es, grpc.Escalation.Flags[0].Name);
    }

    [Fact]
    public async Task Routines_and_sessions_name_their_exercises_in_the_language_asked_for()
    {
        var assessment = await _carmen.AssessAsync(DiscAnswers());
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/routines") { Content = JsonContent.Create(new CreateRoutineRequest(assessment.Id, 15)) };
        create.Headers.TryAddWithoutValidation("Accept-Language", "de-CH");
        var created = await _carmen.SendAsync(create);
        var routine = await created.Content.ReadFromJsonAsync<RoutineResponse>(TestJson.Options);
        var stretches = new Dictionary<string, string>();
        foreach (var slug in routine!.Items.Select(i => i.Stretch))
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/stretches/{slug}");
            read.Headers.TryAddWithoutValidation("Accept-Language", "de");
            stretches[slug] = JsonNode.Parse(await (await Client.SendAsync(read)).Content.ReadAsStringAsync())!["name"]!.GetValue<string>();
        }

        var english = await _carmen.GetFromJsonAsync<RoutineResponse>("/api/v1/me/routines/current", TestJson.Options);
        var id = Guid.NewGuid();
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/sessions/{id}") { Content = Json(Session(routine, DateTimeOffset.UtcNow.AddMinutes(-1), 3, 2)) };
        put.Headers.TryAddWithoutValidation("Accept-Language", "es");
        var session = await (await _carmen.SendAsync(put)).Content.ReadFromJsonAsync<SessionResponse>(TestJson.Options);
        var metadata = new Metadata { { "authorization", Bearer }, { "accept-language", "de" } };
        var grpcCall = new V1.RoutineService.RoutineServiceClient(Fixture.CreateGrpcChannel()).GetCurrentRoutineAsync(new V1.GetCurrentRoutineRequest(), metadata);
        var grpcRoutine = await grpcCall.ResponseAsync;
        var grpcSession = await new V1.SessionService.SessionServiceClient(Fixture.CreateGrpcChannel()).GetSessionAsync(new V1.GetSessionRequest { Id = id.ToString() }, metadata);

        Assert.Equal(["de"], created.Content.Headers.ContentLanguage);
        Assert.Equal(routine.Items.Select(i => stretches[i.Stretch]), routine.Items.Select(i => i.Name));
        Assert.Equal(routine.Items.Select(i => i.Stretch), english!.Items.Select(i => i.Stretch));
        Assert.All(routine.Items.Zip(english.Items), p => Assert.NotEqual(p.First.Name, p.Second.Name));
        Assert.Equal(routine.Items.Select(i => i.Stretch), session!.Items.Select(i => i.Stretch));
        Assert.All(session.Items.Zip(english.Items), p => Assert.NotEqual(p.Second.Name, p.First.Name));
        Assert.Equal(routine.Items.Select(i => i.Name), grpcRoutine.Items.Select(i => i.Name));
        Assert.Equal("de", (await grpcCall.ResponseHeadersAsync).GetValue("x-content-language"));
        Assert.Equal(routine.Items.Select(i => i.Name), grpcSession.Report.Items.Select(i => grpcSession.Names[i.Stretch]));
    }

    [Theory]
    [InlineData("/api/v1/routines/{id}", "get", "200")]
    [InlineData("/api/v1/me/routines/current", "get", "200")]
    [InlineData("/api/v1/questionnaire", "get", "200")]
    [InlineData("/api/v1/conditions/{slug}", "get", "200")]
    [InlineData("/api/v1/lessons", "get", "200")]
    [InlineData("/api/v1/assessments", "post", "201")]
    [InlineData("/api/v1/assessments/{id}", "get", "200")]
    [InlineData("/api/v1/me/assessments", "get", "200")]
    [InlineData("/api/v1/sessions/{sessionId}", "put", "201")]
    public async Task The_OpenAPI_document_declares_the_language_headers_of_every_operation_that_negotiates(string path, string method, string status)
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operation = document["paths"]![path]![method]!;

        Assert.Contains(operation["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Accept-Language" && p["in"]!.GetValue<string>() == "header");
        var headers = operation["responses"]![status]!["headers"]!.AsObject();
        Assert.Equal(["en", "es", "de"], headers["Content-Language"]!["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.NotNull(headers["Vary"]);
        Assert.DoesNotContain(document["paths"]!["/api/v1/assessments/{id}/fhir"]!["get"]!["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Accept-Language");
    }

    private static string Codes(AssessmentResponse r) => string.Join("|", new object[]
    {
        r.Triage.Level, r.Triage.Timing, r.Triage.RoutineAllowed, string.Join(",", r.Triage.Flags.Select(f => $"{f.Code}:{f.Level}:{string.Join("+", f.Items)}")),
        string.Join(",", r.Causes.Select(c => $"{c.Condition}:{c.Probability}:{c.Band}")), r.Inconclusive,
        string.Join(",", r.Imbalances.Select(i => $"{i.Imbalance}:{i.Likely}")), r.Confidence!.Level, string.Join(",", r.Screens),
        r.DirectionalPreference, string.Join(",", r.Recommendations.Select(x => x.Code)), r.QuestionnaireVersion, r.EngineVersion,
        string.Join(",", r.Lessons.Select(l => l.Slug)),
    });
}
