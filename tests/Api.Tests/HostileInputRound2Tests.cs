using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using SciaticaService.Api.Tests.Fixtures;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>
/// A second round of what a hostile or sloppy client sends, from outside: each fault must get its registry code as
/// ProblemDetails (or the gRPC status with the same code), never a 500, a hang or a changed row.
/// </summary>
public class HostileInputRound2Tests(ApiFixture fixture) : ApiTest(fixture)
{
    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        var root = problem.RootElement.Clone();
        Assert.Equal(code, root.GetProperty("code").GetString());
        Assert.Equal($"urn:sciatica:error:{code}", root.GetProperty("type").GetString());
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        return root;
    }

    private static StringContent Json(string body, string mediaType = "application/json") => new(body, Encoding.UTF8, mediaType);

    [Theory]
    [InlineData("{", "bad_request")]
    [InlineData("{\"answers\": {}", "bad_request")]
    [InlineData("[]", "bad_request")]
    [InlineData("null", "bad_request")]
    [InlineData("{\"answers\": []}", "bad_request")]
    [InlineData("{\"answers\": {}, \"id\": \"not-a-uuid\"}", "bad_request")]
    [InlineData("{\"answers\": {}, \"questionnaireVersion\": 1.5}", "bad_request")]
    [InlineData("{\"answers\": {}, \"questionnaireVersion\": 99999999999999999999}", "bad_request")]
    [InlineData("{\"answers\": {}, \"questionnaireVersion\": \"1\"}", "bad_request")]
    [InlineData("{\"answers\": {}, \"questionnaireVersion\": NaN}", "bad_request")]
    [InlineData("{\"answers\": {}, \"Answers\": {}}", "bad_request")]
    [InlineData("{\"answers\": {\"age\": 1e400}}", "invalid_answers")]
    [InlineData("{\"answers\": {\"age\": \"NaN\"}}", "invalid_answers")]
    [InlineData("{\"answers\": {\"age\": 40.5}}", "invalid_answers")]
    [InlineData("{\"answers\": {\"age\": -0}}", "invalid_answers")]
    [InlineData("{\"answers\": {\"leg_pain_side\": \"LEFT\"}}", "invalid_answers")]
    [InlineData("{\"answers\": {\"saddle_numbness\": \"true\"}}", "invalid_answers")]
    [InlineData("{\"answers\": {\"x\\u0000y\": true}}", "invalid_answers")]
    public async Task Malformed_or_mistyped_assessment_bodies_are_400_with_their_code(string body, string code)
    {
        using var user = Fixture.Bearer(TestTokens.For("alice"));

        await AssertProblemAsync(await user.PostAsync("/api/v1/assessments", Json(body)), HttpStatusCode.BadRequest, code);
    }

    [Theory]
    [InlineData("/api/v1/routines", "{\"assessmentId\": null, \"minutesPerDay\": 15}")]
    [InlineData("/api/v1/routines", "{\"assessmentId\": \"00000000-0000-0000-0000-000000000001\"}")]
    [InlineData("/api/v1/routines", "{\"assessmentId\": \"00000000-0000-0000-0000-000000000001\", \"minutesPerDay\": 15.0}")]
    [InlineData("/api/v1/routines", "{\"assessmentId\": \"00000000-0000-0000-0000-000000000001\", \"minutesPerDay\": \"15\"}")]
    [InlineData("/api/v1/routines", "{\"assessmentId\": \"00000000-0000-0000-0000-000000000001\", \"minutesPerDay\": 2147483648}")]
    [InlineData("/api/v1/routines", "{\"assessmentId\": [], \"minutesPerDay\": 15}")]
    [InlineData("/api/v1/me/clearances", "{\"assessmentId\": \"00000000-0000-0000-0000-000000000001\", \"clearedBy\": \"Dr A\", \"clearedOn\": \"2026-02-30\"}")]
    [InlineData("/api/v1/me/clearances", "{\"assessmentId\": \"00000000-0000-0000-0000-000000000001\", \"clearedBy\": 7, \"clearedOn\": \"2026-01-01\"}")]
    [InlineData("/api/v1/sessions:batch", "{\"sessions\": {}}")]
    [InlineData("/api/v1/sessions:batch", "{\"sessions\": [[]]}")]
    [InlineData("/api/v1/sessions:batch", "{\"sessions\": [{\"id\": \"00000000-0000-0000-0000-000000000001\", \"routineId\": \"00000000-0000-0000-0000-000000000001\", \"startedAt\": \"yesterday\", \"completedAt\": \"2026-01-01T00:00:00Z\", \"painBefore\": 1, \"painAfter\": 1, \"items\": []}]}")]
    public async Task Mistyped_or_missing_fields_in_other_bodies_are_bad_request(string path, string body)
    {
        using var user = Fixture.Bearer(TestTokens.For("alice"));

        await AssertProblemAsync(await user.PostAsync(path, Json(body)), HttpStatusCode.BadRequest, "bad_request");
    }

    [Theory]
    [InlineData("zoneless", "bad_request")] // a fit time, but without an offset it would mean the server's zone
    [InlineData("0001-01-01T00:00:00Z", "invalid_session")]
    [InlineData("9999-12-31T23:59:59Z", "invalid_session")]
    [InlineData("0001-01-01T00:00:00+14:00", "bad_request")]
    public async Task Extreme_or_zoneless_session_times_are_refused(string startedAt, string code)
    {
        using var user = Fixture.Bearer(TestTokens.For("alice"));
        var assessment = await user.AssessAsync(Journeys.DiscAnswers());
        var routine = await user.CreateRoutineAsync(assessment.Id);
        var session = Journeys.Session(routine, DateTimeOffset.UtcNow.AddMinutes(-5), 3, 2);
        var value = startedAt == "zoneless" ? DateTime.UtcNow.AddMinutes(-20).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : startedAt;
        var body = session.ToJsonString().Replace(session["startedAt"]!.ToJsonString(), $"\"{value}\"", StringComparison.Ordinal);
        var id = Guid.NewGuid();

        await AssertProblemAsync(await user.PutAsync($"/api/v1/sessions/{id}", Json(body)), HttpStatusCode.BadRequest, code);
        await AssertProblemAsync(await user.GetAsync($"/api/v1/sessions/{id}"), HttpStatusCode.NotFound, "session_not_found");
    }

    [Theory]
    [InlineData("\"sideways\"", "invalid_content")]
    [InlineData("\"1\"", "invalid_content")]
    [InlineData("1", "bad_request")]
    [InlineData("[\"extension\"]", "bad_request")]
    public async Task Unknown_or_numeric_enum_values_in_an_admin_entry_are_refused_and_store_nothing(string bias, string code)
    {
        using var admin = Fixture.Admin();
        var entry = System.Text.Json.Nodes.JsonNode.Parse(await admin.GetStringAsync("/api/v1/admin/stretches/prone-lying"))!;
        entry["slug"] = "prone-lying-copy";
        var body = entry.ToJsonString().Replace("\"bias\":\"extension\"", $"\"bias\":{bias}", StringComparison.Ordinal);

        await AssertProblemAsync(await admin.PostAsync("/api/v1/admin/stretches", Json(body)), HttpStatusCode.BadRequest, code);
        await AssertProblemAsync(await admin.GetAsync("/api/v1/admin/stretches/prone-lying-copy"), HttpStatusCode.NotFound, "stretch_not_found");
    }

    [Fact]
    public async Task Huge_collections_are_refused_quickly()
    {
        using var user = Fixture.Bearer(TestTokens.For("alice"));
        var assessment = await user.AssessAsync(Journeys.DiscAnswers());
        var routine = await user.CreateRoutineAsync(assessment.Id);
        var session = Journeys.Session(routine, DateTimeOffset.UtcNow.AddMinutes(-5), 3, 2);
        var item = session["items"]![0]!.ToJsonString();
        var manyItems = session.ToJsonString().Replace(session["items"]!.ToJsonString(), "[" + string.Join(",", Enumerable.Repeat(item, 5_000)) + "]", StringComparison.Ordinal);
        var manySymptoms = session.DeepClone().AsObject();
        manySymptoms["newSymptoms"] = new System.Text.Json.Nodes.JsonArray([.. Enumerable.Range(0, 5_000).Select(i => (System.Text.Json.Nodes.JsonNode)$"s{i}")]);
        var manyAnswers = "{\"answers\": {" + string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"\"q{i}\": true")) + "}}";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await AssertProblemAsync(await user.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(manyItems)), HttpStatusCode.BadRequest, "invalid_session");
        await AssertProblemAsync(await user.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(manySymptoms.ToJsonString())), HttpStatusCode.BadRequest, "invalid_session");
        await AssertProblemAsync(await user.PostAsync("/api/v1/assessments", Json(manyAnswers)), HttpStatusCode.BadRequest, "invalid_answers");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
        Assert.Single(JsonDocument.Parse(await user.GetStringAsync("/api/v1/me/assessments")).RootElement.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Deeply_nested_json_is_a_400()
    {
        using var user = Fixture.Bearer(TestTokens.For("alice"));
        var deep = new string('[', 5000) + new string(']', 5000);

        await AssertProblemAsync(await user.PostAsync("/api/v1/assessments", Json($"{{\"answers\": {{\"age\": {deep}}}}}")), HttpStatusCode.BadRequest, "bad_request");
        await AssertProblemAsync(await user.PostAsync("/api/v1/assessments", Json($"{{\"answers\": {{}}, \"id\": {deep}}}")), HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400()
    {
        using var user = Fixture.Bearer(TestTokens.For("alice"));
        var bytes = new ByteArrayContent([.. "{\"answers\": {\"onset\": \""u8.ToArray(), 0xC3, 0x28, 0xFF, .. "\"}}"u8.ToArray()]);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        await AssertProblemAsync(await user.PostAsync("/api/v1/assessments", bytes), HttpStatusCode.BadRequest, "bad_request");
    }

    [Theory]
    [InlineData(null, "{\"answers\": {}}", HttpStatusCode.UnsupportedMediaType, "unsupported_media_type")]
    [InlineData("text/plain", "{\"answers\": {}}", HttpStatusCode.UnsupportedMediaType, "unsupported_media_type")]
    [InlineData("application/x-www-form-urlencoded", "answers=1", HttpStatusCode.UnsupportedMediaType, "unsupported_media_type")]
    [InlineData("application/json; charset=utf-16", "{\"answers\": {}}", HttpStatusCode.BadRequest, "bad_request")]
    [InlineData("application/json", "", HttpStatusCode.BadRequest, "bad_request")]
    [InlineData("application/json", "   ", HttpStatusCode.BadRequest, "bad_request")]
    [InlineData("garbage", "{\"answers\": {}}", HttpStatusCode.UnsupportedMediaType, "unsupported_media_type")]
    public async Task Wrong_or_missing_content_type_and_empty_bodies_are_problems(string? contentType, string body, HttpStatusCode status, string code)
    {
        using var user = Fixture.Bearer(TestTokens.For("alice"));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        await AssertProblemAsync(await user.PostAsync("/api/v1/assessments", content), status, code);
    }

    [Fact]
    public async Task A_post_without_any_body_is_a_400()
    {
        using var user = Fixture.Bearer(TestTokens.For("alice"));

        await AssertProblemAsync(await user.PostAsync("/api/v1/assessments", null), HttpStatusCode.BadRequest, "bad_request");
        await AssertProblemAsync(await user.PostAsync("/api/v1/routines", null), HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task A_streamed_body_over_the_limit_is_413()
    {
        using var user = Fixture.Bearer(TestTokens.For("alice"));
        var big = "{\"answers\": {\"onset\": \"" + new string('x', 2 * 1024 * 1024) + "\"}}";
        var streamed = new StreamContent(new NoLengthStream(Encoding.UTF8.GetBytes(big)));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        await AssertProblemAsync(await user.PostAsync("/api/v1/assessments", streamed), HttpStatusCode.RequestEntityTooLarge, "body_too_large");
    }

    [Theory]
    [InlineData("/api/v1/me/assessments?limit=-1")]
    [InlineData("/api/v1/me/assessments?limit=1e9")]
    [InlineData("/api/v1/me/assessments?limit=abc")]
    [InlineData("/api/v1/me/assessments?limit=1&limit=2")]
    [InlineData("/api/v1/me/assessments?cursor=abc")]
    [InlineData("/api/v1/me/access-log?limit=100000")]
    [InlineData("/api/v1/me/access-log?cursor=zzzz")]
    [InlineData("/api/v1/me/progress?from=0001-01-01&to=9999-12-31")]
    [InlineData("/api/v1/me/progress?from=20260101")]
    [InlineData("/api/v1/me/progress?from=2026-02-30")]
    [InlineData("/api/v1/me/progress?from=2026-03-01&to=2026-01-01")]
    [InlineData("/api/v1/me/export?format=xml")]
    public async Task Bad_query_strings_are_invalid_query(string path)
    {
        using var user = Fixture.Bearer(TestTokens.For("alice"));

        await AssertProblemAsync(await user.GetAsync(path), HttpStatusCode.BadRequest, "invalid_query");
    }

    [Theory]
    [InlineData("/api/v1/admin/audit?limit=-1")]
    [InlineData("/api/v1/admin/audit?before=yesterday")]
    [InlineData("/api/v1/admin/audit?limit=1&limit=2")]
    public async Task Bad_admin_query_strings_are_invalid_query(string path)
    {
        using var admin = Fixture.Admin();

        await AssertProblemAsync(await admin.GetAsync(path), HttpStatusCode.BadRequest, "invalid_query");
    }

    [Theory]
    [InlineData("/api/v1/stretches?maxDifficulty=1e0")]
    [InlineData("/api/v1/stretches?maxDifficulty=99999999999999999999")]
    [InlineData("/api/v1/stretches?bias=Flexion")]
    [InlineData("/api/v1/stretches?bias=flexion&bias=extension")]
    [InlineData("/api/v1/stretches?condition=HERNIATED-DISC")]
    public async Task Bad_filters_are_invalid_filter(string path)
    {
        await AssertProblemAsync(await Client.GetAsync(path), HttpStatusCode.BadRequest, "invalid_filter");
    }

    [Theory]
    [InlineData("/api/v1/assessments/not-a-uuid")]
    [InlineData("/api/v1/routines/not-a-uuid")]
    [InlineData("/api/v1/sessions/not-a-uuid")]
    [InlineData("/api/v1/me/clearances/not-a-uuid")]
    public async Task A_route_id_that_is_no_uuid_is_refused_as_on_gRPC(string path)
    {
        using var user = Fixture.Bearer(TestTokens.For("alice"));

        await AssertProblemAsync(await user.GetAsync(path), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task An_admin_route_id_that_is_no_uuid_is_refused_as_the_others_are()
    {
        using var admin = Fixture.Admin();

        await AssertProblemAsync(await admin.PostAsync("/api/v1/admin/partners/not-a-uuid/revoke", null), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Uppercase_and_other_uuid_spellings_name_the_same_assessment_and_another_persons_is_not_found()
    {
        using var alice = Fixture.Bearer(TestTokens.For("alice"));
        using var bob = Fixture.Bearer(TestTokens.For("bob"));
        var assessment = await alice.AssessAsync(Journeys.DiscAnswers());

        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/v1/assessments/{assessment.Id.ToString().ToUpperInvariant()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/v1/assessments/{assessment.Id:N}")).StatusCode);
        await AssertProblemAsync(await bob.GetAsync($"/api/v1/assessments/{assessment.Id}"), HttpStatusCode.NotFound, "assessment_not_found");
        await AssertProblemAsync(await bob.GetAsync($"/api/v1/assessments/{assessment.Id.ToString().ToUpperInvariant()}"), HttpStatusCode.NotFound, "assessment_not_found");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("\"unterminated")]
    [InlineData("W/\"abc\"")]
    [InlineData("\"a\", \"b\", *")]
    [InlineData("*")]
    public async Task Odd_If_None_Match_values_never_fail_a_read(string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/conditions");
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        var response = await Client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotModified, response.StatusCode.ToString());
    }

    [Theory]
    [InlineData("garbage", HttpStatusCode.PreconditionFailed, "etag_mismatch")]
    [InlineData("\"abc\"", HttpStatusCode.PreconditionFailed, "etag_mismatch")]
    [InlineData("", HttpStatusCode.PreconditionRequired, "if_match_required")]
    public async Task Odd_If_Match_values_never_change_content(string ifMatch, HttpStatusCode status, string code)
    {
        using var admin = Fixture.Admin();
        var before = await admin.GetStringAsync("/api/v1/admin/conditions/herniated-disc");

        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/admin/conditions/herniated-disc");
        delete.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        await AssertProblemAsync(await admin.SendAsync(delete), status, code);
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/admin/conditions/herniated-disc") { Content = Json(before) };
        put.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        await AssertProblemAsync(await admin.SendAsync(put), status, code);

        Assert.Equal(before, await admin.GetStringAsync("/api/v1/admin/conditions/herniated-disc"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("en;q=0, es;q=0, de;q=0")]
    [InlineData(";;;==,,,")]
    [InlineData("es;q=abc")]
    [InlineData("es;q=2")]
    [InlineData("\u00e9s")]
    public async Task Odd_Accept_Language_values_get_a_language_and_no_error(string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/conditions");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentLanguage.Single(), new[] { "en", "es", "de" });
    }

    [Fact]
    public async Task A_huge_Accept_Language_is_answered_quickly()
    {
        var header = string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"x{i};q=0.{i % 10}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/conditions");
        request.Headers.TryAddWithoutValidation("Accept-Language", header);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await Client.SendAsync(request);

        Assert.True((int)response.StatusCode < 500);
        // Generous for a busy shared machine: the point is that the parse does not blow up with the number of entries.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhbGljZSIsImlzcyI6InNjaWF0aWNhLXRlc3RzIiwiYXVkIjoic2NpYXRpY2EtYXBpIiwiZXhwIjo0MTAyNDQ0ODAwfQ.")]
    [InlineData("Basic YWxpY2U6c2VjcmV0")]
    [InlineData("Bearer \u0001")]
    public async Task Bad_authorization_headers_are_401_problems(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Expired_foreign_issuer_and_doubled_tokens_are_401()
    {
        var good = TestTokens.For("alice");
        foreach (var authorization in new[]
                 {
                     $"Bearer {TestTokens.Expired("alice")}",
                     $"Bearer {TestTokens.Custom("alice", issuer: "someone-else")}",
                     $"Bearer {good} {good}",
                     $"Bearer {good.ToUpperInvariant()}",
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.Unauthorized, "unauthenticated");
        }

        using var twice = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        twice.Headers.TryAddWithoutValidation("Authorization", [$"Bearer {good}", $"Bearer {TestTokens.For("bob")}"]);
        var response = await Client.SendAsync(twice);
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }

    [Theory]
    [InlineData("PATCH", "/api/v1/assessments")]
    [InlineData("TRACE", "/api/v1/conditions")]
    public async Task Wrong_methods_are_405_problems(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        var response = await Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.NotEmpty(response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Errors_asked_for_in_xml_still_come_as_problem_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stretches/handstand");
        request.Headers.TryAddWithoutValidation("Accept", "application/xml");

        await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.NotFound, "stretch_not_found");
    }

    // gRPC

    [Fact]
    public async Task gRPC_bad_ids_and_limits_carry_the_same_code_as_REST()
    {
        using var user = Fixture.Bearer(TestTokens.For("alice"));
        var channel = Fixture.CreateGrpcChannel();
        var auth = new Metadata { { "authorization", $"Bearer {TestTokens.For("alice")}" } };
        var assessments = new V1.AssessmentService.AssessmentServiceClient(channel);
        var progress = new V1.ProgressService.ProgressServiceClient(channel);

        var list = await Assert.ThrowsAsync<RpcException>(() => assessments.ListAssessmentsAsync(new V1.ListAssessmentsRequest { Limit = -1 }, auth).ResponseAsync);
        var rest = await AssertProblemAsync(await user.GetAsync("/api/v1/me/assessments?limit=-1"), HttpStatusCode.BadRequest, "invalid_query");
        Assert.Equal((StatusCode.InvalidArgument, "invalid_query"), (list.StatusCode, list.Trailers.GetValue("error-code")));

        var cursor = await Assert.ThrowsAsync<RpcException>(() => assessments.ListAssessmentsAsync(new V1.ListAssessmentsRequest { Cursor = "abc" }, auth).ResponseAsync);
        Assert.Equal((StatusCode.InvalidArgument, "invalid_query"), (cursor.StatusCode, cursor.Trailers.GetValue("error-code")));

        var days = await Assert.ThrowsAsync<RpcException>(() => progress.GetProgressAsync(new V1.GetProgressRequest { From = "0001-01-01", To = "9999-12-31" }, auth).ResponseAsync);
        await AssertProblemAsync(await user.GetAsync("/api/v1/me/progress?from=0001-01-01&to=9999-12-31"), HttpStatusCode.BadRequest, "invalid_query");
        Assert.Equal((StatusCode.InvalidArgument, "invalid_query"), (days.StatusCode, days.Trailers.GetValue("error-code")));

        var id = await Assert.ThrowsAsync<RpcException>(() => assessments.GetAssessmentAsync(new V1.GetAssessmentRequest { Id = "not-a-uuid" }, auth).ResponseAsync);
        Assert.Equal((StatusCode.InvalidArgument, "validation_failed"), (id.StatusCode, id.Trailers.GetValue("error-code")));
        var upper = await Assert.ThrowsAsync<RpcException>(() => assessments.GetAssessmentAsync(new V1.GetAssessmentRequest { Id = Guid.NewGuid().ToString().ToUpperInvariant() }, auth).ResponseAsync);
        Assert.Equal((StatusCode.NotFound, "assessment_not_found"), (upper.StatusCode, upper.Trailers.GetValue("error-code")));
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Basic YWxpY2U6c2VjcmV0")]
    public async Task gRPC_bad_authorization_metadata_is_Unauthenticated_with_its_code(string authorization)
    {
        var me = new V1.IdentityService.IdentityServiceClient(Fixture.CreateGrpcChannel());

        var e = await Assert.ThrowsAsync<RpcException>(() => me.WhoAmIAsync(new V1.WhoAmIRequest(), new Metadata { { "authorization", authorization } }).ResponseAsync);

        Assert.Equal((StatusCode.Unauthenticated, "unauthenticated"), (e.StatusCode, e.Trailers.GetValue("error-code")));
    }

    [Fact]
    public async Task gRPC_odd_accept_language_still_answers()
    {
        var content = new V1.ContentService.ContentServiceClient(Fixture.CreateGrpcChannel());

        foreach (var language in new[] { "*", ";;;==", "es;q=abc", new string('x', 8000) })
        {
            var call = content.ListConditionsAsync(new V1.ListConditionsRequest(), new Metadata { { "accept-language", language } });
            Assert.NotEmpty((await call.ResponseAsync).Conditions);
        }
    }

    [Fact]
    public async Task gRPC_oversized_message_is_ResourceExhausted_with_body_too_large()
    {
        var sessions = new V1.SessionService.SessionServiceClient(Fixture.CreateGrpcChannel());
        var auth = new Metadata { { "authorization", $"Bearer {TestTokens.For("alice")}" } };
        var request = new V1.PutSessionRequest { Id = Guid.NewGuid().ToString(), Report = new V1.SessionReport { RoutineId = Guid.NewGuid().ToString() } };
        request.Report.Items.Add(new V1.SessionItem { Stretch = "x", Note = new string('x', 5 * 1024 * 1024) });

        var e = await Assert.ThrowsAsync<RpcException>(() => sessions.PutSessionAsync(request, auth).ResponseAsync);

        Assert.Equal((StatusCode.ResourceExhausted, "body_too_large"), (e.StatusCode, e.Trailers.GetValue("error-code")));
    }

    [Theory]
    [InlineData("0n")]
    [InlineData("1n")]
    [InlineData("garbage")]
    [InlineData("99999999999H")]
    public async Task gRPC_zero_or_garbage_deadlines_answer_at_once(string timeout)
    {
        using var client = new HttpClient(Fixture.Factory.Server.CreateHandler()) { BaseAddress = Fixture.Factory.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sciatica.v1.ContentService/ListConditions")
        {
            Version = HttpVersion.Version20, Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var response = await client.SendAsync(request, cancel.Token);
        await response.Content.ReadAsByteArrayAsync(cancel.Token);
        string? Get(string name) =>
            response.Headers.TryGetValues(name, out var h) ? h.Single()
            : response.TrailingHeaders.TryGetValues(name, out var t) ? t.Single()
            : null;

        var status = Get("grpc-status");
        Assert.True(status is "0" or "4", $"{status} {Get("grpc-message")}");
        if (status == "4")
        {
            Assert.Equal("request_timeout", Get("error-code"));
        }
    }

    // Forwarded headers and rate limits

    [Fact]
    public async Task A_spoofed_forwarded_address_does_not_buy_a_fresh_rate_limit()
    {
        await using var factory = new SciaticaApiFactory(Fixture.ConnectionString, new Dictionary<string, string?>
        {
            ["Limits:AnonymousPermitsPerMinute"] = "60", ["Proxy:KnownProxies:0"] = "10.0.0.1",
        });
        using var client = factory.CreateClient();

        async Task<HttpStatusCode> Get(string peer, string? forwarded)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/conditions");
            request.Headers.Add(TestPeerAddress.Header, peer);
            if (forwarded is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwarded);
            }

            return (await client.SendAsync(request)).StatusCode;
        }

        // Straight from the internet, a forwarded header is not believed.
        var direct = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            direct.Add(await Get("198.51.100.7", $"203.0.113.{i}"));
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, direct);

        // Through the proxy, a value the client put before the proxy's own is not believed either.
        var viaProxy = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            viaProxy.Add(await Get("10.0.0.1", $"203.0.113.{i}, 198.51.100.8"));
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, viaProxy);

        // Garbage from the proxy's client side does not fail the request.
        foreach (var garbage in new[] { "not-an-ip", "1.2.3.4:99999", "[::1]:80", "", ",,,", new string('1', 5000) })
        {
            Assert.True((int)await Get("10.0.0.1", garbage) < 500, garbage);
        }
    }

    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
