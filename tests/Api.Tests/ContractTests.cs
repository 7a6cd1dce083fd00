using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>
/// Real requests to every operation, each response checked against the OpenAPI document as it arrives: what a client
/// generated from the document will meet. Errors are exercised too (one problem schema serves them all).
/// </summary>
public sealed class ContractTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] ContentKinds = ["conditions", "imbalances", "stretches", "routine-templates", "lessons"];

    [Fact]
    public async Task Every_operation_answers_as_the_OpenAPI_document_says()
    {
        var recorder = new ContractRecorder(new OpenApiResponseValidator(JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!));
        using var anonymous = recorder.Client(Fixture.Factory);
        using var admin = recorder.Client(Fixture.Factory, h => h.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("root", "admin")));
        using var alice = recorder.Client(Fixture.Factory, h => h.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("alice")));

        await ReadContentAsync(anonymous);
        await EditContentAsync(admin);
        await PersonJourneyAsync(alice);
        await PartnerAsync(admin, recorder);
        await Ok(await admin.GetAsync("/api/v1/admin/audit?limit=5"));
        await ErrorsAsync(anonymous, alice, admin);
        await DataRightsAsync(alice, admin);

        Assert.True(recorder.Problems.Count == 0, "Responses that depart from the document:\n" + string.Join("\n", recorder.Problems));
        var unexercised = new OpenApiResponseValidator(JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!).Operations
            .Where(operation => !recorder.Seen.TryGetValue(operation, out var statuses) || !statuses.Any(s => s is >= 200 and < 300))
            .ToList();
        Assert.True(unexercised.Count == 0, "Operations this test never saw succeed (add them here): " + string.Join(", ", unexercised));
        Assert.True(recorder.Seen.Values.SelectMany(s => s).Distinct().Count() >= 14, "Too few distinct statuses exercised.");
    }

    [Fact]
    public async Task Rate_limits_and_a_database_outage_answer_as_the_document_says()
    {
        var recorder = new ContractRecorder(new OpenApiResponseValidator(JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!));

        // One anonymous request a minute allows a burst of five.
        await using (var limited = new SciaticaApiFactory(Fixture.ConnectionString, new Dictionary<string, string?> { ["Limits:AnonymousPermitsPerMinute"] = "1" }))
        {
            using var client = recorder.Client(limited);
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 8; i++)
            {
                statuses.Add((await client.GetAsync("/api/v1/stretches")).StatusCode);
            }

            Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        }

        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            await using var down = SciaticaApiFactory.WithUnreachableDatabase(port);
            using var client = recorder.Client(down);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/api/v1/conditions")).StatusCode);
        }

        Assert.True(recorder.Problems.Count == 0, "Responses that depart from the document:\n" + string.Join("\n", recorder.Problems));
    }

    private static async Task ReadContentAsync(HttpClient anonymous)
    {
        foreach (var (list, one) in new[]
                 {
                     ("/api/v1/conditions", "/api/v1/conditions/"), ("/api/v1/imbalances", "/api/v1/imbalances/"),
                     ("/api/v1/stretches", "/api/v1/stretches/"), ("/api/v1/routine-templates", "/api/v1/routine-templates/"),
                     ("/api/v1/lessons", "/api/v1/lessons/"),
                 })
        {
            var items = JsonNode.Parse(await Ok(await anonymous.GetAsync(list)))!.AsArray();
            await Ok(await anonymous.GetAsync(one + items[0]!["slug"]!.GetValue<string>()));
        }

        await Ok(await anonymous.GetAsync("/api/v1/stretches?condition=herniated-disc&safeFor=herniated-disc&maxDifficulty=2"));
        await Ok(await anonymous.GetAsync("/api/v1/routine-templates?condition=spinal-stenosis"));
        await Ok(await anonymous.GetAsync("/api/v1/questionnaire"));

        var first = await anonymous.GetAsync("/api/v1/conditions");
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/v1/conditions");
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(revalidate)).StatusCode);
    }

    private static async Task EditContentAsync(HttpClient admin)
    {
        var export = await Ok(await admin.GetAsync("/api/v1/admin/content"));
        await Ok(await admin.GetAsync("/api/v1/admin/content/translations"));
        await Ok(await admin.PostAsync("/api/v1/admin/content/import?dryRun=true", Json(export)));

        foreach (var kind in ContentKinds)
        {
            var slug = JsonNode.Parse(export)![kind == "routine-templates" ? "routineTemplates" : kind]![0]!["slug"]!.GetValue<string>();
            var entry = JsonNode.Parse(await Ok(await admin.GetAsync($"/api/v1/admin/{kind}/{slug}")))!;

            var copy = $"{slug}-contract-copy";
            entry["slug"] = copy;
            entry["status"] = "draft";
            var created = await admin.PostAsync($"/api/v1/admin/{kind}", Json(entry.ToJsonString()));
            await Ok(created);

            using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/admin/{kind}/{copy}") { Content = Json(entry.ToJsonString()) };
            update.Headers.IfMatch.Add(created.Headers.ETag!);
            var updated = await admin.SendAsync(update);
            await Ok(updated);

            using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/admin/{kind}/{copy}");
            delete.Headers.IfMatch.Add(updated.Headers.ETag!);
            await Ok(await admin.SendAsync(delete));
        }
    }

    private static async Task PersonJourneyAsync(HttpClient alice)
    {
        await Ok(await alice.GetAsync("/api/v1/me"));
        var assessment = JsonNode.Parse(await Ok(await alice.PostAsync("/api/v1/assessments", Json(new JsonObject { ["answers"] = Journeys.DiscAnswers() }.ToJsonString()))))!;
        var id = assessment["id"]!.GetValue<string>();
        await Ok(await alice.GetAsync($"/api/v1/assessments/{id}"));
        await Ok(await alice.GetAsync($"/api/v1/assessments/{id}/fhir"));
        await Ok(await alice.GetAsync("/api/v1/me/assessments?limit=1"));

        var routineBody = await Ok(await alice.PostAsync("/api/v1/routines", Json($$"""{"assessmentId": "{{id}}", "minutesPerDay": 15}""")));
        var routine = System.Text.Json.JsonSerializer.Deserialize<Routines.RoutineResponse>(routineBody, TestJson.Options)!;
        await Ok(await alice.GetAsync($"/api/v1/routines/{routine.Id}"));
        await Ok(await alice.GetAsync("/api/v1/me/routines/current"));

        var session = Journeys.Session(routine, DateTimeOffset.UtcNow.AddMinutes(-1), before: 5, after: 4);
        var sessionId = Guid.NewGuid();
        await Ok(await alice.PutAsync($"/api/v1/sessions/{sessionId}", Json(session.ToJsonString())));
        await Ok(await alice.GetAsync($"/api/v1/sessions/{sessionId}"));
        var batched = (JsonObject)Journeys.Session(routine, DateTimeOffset.UtcNow.AddHours(-2), before: 5, after: 3);
        batched["id"] = Guid.NewGuid();
        await Ok(await alice.PostAsync("/api/v1/sessions:batch", Json(new JsonObject { ["sessions"] = new JsonArray(batched) }.ToJsonString())));

        var current = JsonNode.Parse(await Ok(await alice.GetAsync("/api/v1/me/routines/current")))!["id"]!.GetValue<string>();
        await Ok(await alice.PostAsync($"/api/v1/routines/{current}/adjust", null));
        await Ok(await alice.GetAsync("/api/v1/me/progress"));

        // A session that reports a new red flag carries its escalation; a clearance lifts the hold.
        var escalated = (JsonObject)Journeys.Session(routine, DateTimeOffset.UtcNow.AddMinutes(-1), before: 4, after: 4);
        escalated["newSymptoms"] = new JsonArray("foot_drop");
        await Ok(await alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(escalated.ToJsonString())));
        var clearanceBody = new JsonObject { ["assessmentId"] = id, ["clearedBy"] = "Dr Contract", ["clearedOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        var clearance = JsonNode.Parse(await Ok(await alice.PostAsync("/api/v1/me/clearances", Json(clearanceBody.ToJsonString()))))!["id"]!.GetValue<string>();
        await Ok(await alice.GetAsync($"/api/v1/me/clearances/{clearance}"));
        await Ok(await alice.GetAsync("/api/v1/me/clearances"));

        // A resent id with other details.
        session["painAfter"] = 1;
        Assert.Equal(HttpStatusCode.Conflict, (await alice.PutAsync($"/api/v1/sessions/{sessionId}", Json(session.ToJsonString()))).StatusCode);
    }

    private static async Task DataRightsAsync(HttpClient alice, HttpClient admin)
    {
        await Ok(await alice.GetAsync("/api/v1/me/export"));
        await Ok(await alice.GetAsync("/api/v1/me/export?format=fhir"));
        await Ok(await alice.GetAsync("/api/v1/me/access-log?limit=2"));
        Assert.Equal(HttpStatusCode.BadRequest, (await alice.GetAsync("/api/v1/me/export?format=pdf")).StatusCode);
        await Ok(await admin.DeleteAsync($"/api/v1/admin/persons/{Uri.EscapeDataString("user:alice")}"));
        await Ok(await alice.DeleteAsync("/api/v1/me"));
    }

    private async Task PartnerAsync(HttpClient admin, ContractRecorder recorder)
    {
        var created = JsonNode.Parse(await Ok(await admin.PostAsync("/api/v1/admin/partners", Json("""{"name": "Contract clinic"}"""))))!;
        await Ok(await admin.GetAsync("/api/v1/admin/partners"));
        var key = created["apiKey"]!.GetValue<string>();
        using (var partner = recorder.Client(Fixture.Factory, h => { h.Add("x-api-key", key); h.Add("x-member-id", "member-1"); }))
        {
            await Ok(await partner.GetAsync("/api/v1/me"));
            await Ok(await partner.PostAsync("/api/v1/assessments", Json(new JsonObject { ["answers"] = Journeys.DiscAnswers() }.ToJsonString())));
            await Ok(await partner.GetAsync("/api/v1/partner/events"));
        }

        await Ok(await admin.PostAsync($"/api/v1/admin/partners/{created["partner"]!["id"]!.GetValue<string>()}/revoke", null));
    }

    private static async Task ErrorsAsync(HttpClient anonymous, HttpClient alice, HttpClient admin)
    {
        async Task Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
        {
            var response = await call;
            Assert.True(status == response.StatusCode, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode}, expected {(int)status}");
        }

        await Expect(HttpStatusCode.BadRequest, anonymous.GetAsync("/api/v1/stretches?bias=sideways&maxDifficulty=9"));
        await Expect(HttpStatusCode.BadRequest, alice.PostAsync("/api/v1/assessments", Json("""{"answers": {"pain_now": 11}}""")));
        await Expect(HttpStatusCode.BadRequest, alice.PostAsync("/api/v1/assessments", Json("""{"answers": """)));
        await Expect(HttpStatusCode.Unauthorized, anonymous.GetAsync("/api/v1/me"));
        await Expect(HttpStatusCode.Forbidden, alice.GetAsync("/api/v1/admin/partners"));
        await Expect(HttpStatusCode.NotFound, anonymous.GetAsync("/api/v1/stretches/handstand"));
        await Expect(HttpStatusCode.NotFound, alice.GetAsync($"/api/v1/assessments/{Guid.NewGuid()}"));
        await Expect(HttpStatusCode.UnsupportedMediaType, alice.PostAsync("/api/v1/assessments", new StringContent("answers", Encoding.UTF8, "text/plain")));
        await Expect(HttpStatusCode.RequestEntityTooLarge, alice.PostAsync("/api/v1/assessments", Json(new string(' ', (1024 * 1024) + 1))));

        using var fhirXml = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/assessments/{Guid.NewGuid()}/fhir");
        fhirXml.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+xml"));
        await Expect(HttpStatusCode.NotAcceptable, alice.SendAsync(fhirXml));

        var slug = JsonNode.Parse(await admin.GetStringAsync("/api/v1/stretches"))![0]!["slug"]!.GetValue<string>();
        var entry = await admin.GetStringAsync($"/api/v1/admin/stretches/{slug}");
        await Expect(HttpStatusCode.PreconditionRequired, admin.PutAsync($"/api/v1/admin/stretches/{slug}", Json(entry)));
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/admin/stretches/{slug}") { Content = Json(entry) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"stale\""));
        await Expect(HttpStatusCode.PreconditionFailed, admin.SendAsync(stale));
        await Expect(HttpStatusCode.Conflict, admin.PostAsync("/api/v1/admin/stretches", Json(entry)));
    }

    private static async Task<string> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
