using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SciaticaService.Api.Assessments;
using SciaticaService.Api.Tests.Fixtures;
using Task = System.Threading.Tasks.Task;

namespace SciaticaService.Api.Tests;

/// <summary>The FHIR export: valid R4 by Firely's validator, the same document on every read, cacheable, negotiated.</summary>
public sealed class FhirExportTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _alice = fixture.Bearer(TestTokens.For("alice"));

    public void Dispose() => _alice.Dispose();

    [Fact]
    public async Task Every_export_is_valid_FHIR_R4_against_the_core_profiles()
    {
        var exports = new List<(string Case, string Json)>();
        foreach (var (name, answers) in new[]
                 {
                     ("self care, every score", Journeys.DiscAnswers()),
                     ("emergency triage", Journeys.DiscAnswers(saddleNumbness: true)),
                     ("no ODI", WithoutOdi(Journeys.DiscAnswers())),
                 })
        {
            var assessment = await _alice.AssessAsync(answers);
            exports.Add((name, await _alice.GetStringAsync($"/api/v1/assessments/{assessment.Id}/fhir")));
        }

        foreach (var (name, json) in exports)
        {
            var errors = Errors(json);
            Assert.True(errors.Count == 0, $"{name}: {string.Join("\n", errors)}\n{json}");
        }

        // The validator does look: a value and a reason for its absence break the core invariant obs-6.
        var broken = JsonNode.Parse(exports[0].Json)!;
        broken["entry"]!.AsArray().Select(e => e!["resource"]!).First(r => r["resourceType"]!.GetValue<string>() == "Observation")
            ["dataAbsentReason"] = new JsonObject { ["text"] = "not asked" };
        Assert.Contains(Errors(broken.ToJsonString()), e => e.Contains("obs-6", StringComparison.Ordinal));
    }

    private static List<string> Errors(string json) => FhirValidation.Errors(json);

    [Fact]
    public async Task Each_read_gives_the_same_document_with_ids_and_full_urls_derived_from_the_assessment()
    {
        var assessment = await _alice.AssessAsync(Journeys.DiscAnswers());

        var first = await _alice.GetStringAsync($"/api/v1/assessments/{assessment.Id}/fhir");
        var second = await _alice.GetStringAsync($"/api/v1/assessments/{assessment.Id}/fhir");

        Assert.Equal(first, second);
        var entries = JsonNode.Parse(first)!["entry"]!.AsArray();
        Assert.All(entries, entry =>
        {
            var id = entry!["resource"]!["id"]?.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(id));
            Assert.Equal($"urn:uuid:{id}", entry["fullUrl"]!.GetValue<string>());
        });
        Assert.Equal(entries.Count, entries.Select(e => e!["fullUrl"]!.GetValue<string>()).Distinct().Count());
        var observations = entries.Select(e => e!["resource"]!).Where(r => r["resourceType"]!.GetValue<string>() == "Observation").ToList();
        Assert.Equal(3, observations.Count);
        Assert.All(observations, observation =>
        {
            var coding = observation["code"]!["coding"]![0]!;
            var expected = FhirBundle.ObservationId(assessment.Id, coding["system"]!.GetValue<string>(), coding["code"]!.GetValue<string>());
            Assert.Equal(expected.ToString(), observation["id"]!.GetValue<string>());
        });
    }

    [Fact]
    public void Observation_ids_are_version_5_name_based_UUIDs()
    {
        // RFC 9562's namespace for DNS names, and the UUID every conforming implementation derives for this name.
        var dns = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(Guid.Parse("2ed6657d-e927-568b-95e1-2665a8aea6a2"), NameBasedUuid.Create(dns, "www.example.com"));
        Assert.Equal(5, NameBasedUuid.Create(Guid.NewGuid(), "sbi").Version);
    }

    [Fact]
    public async Task The_export_has_a_strong_ETag_and_If_None_Match_answers_304_without_a_body()
    {
        var assessment = await _alice.AssessAsync(Journeys.DiscAnswers());
        var other = await _alice.AssessAsync(Journeys.DiscAnswers());
        var url = $"/api/v1/assessments/{assessment.Id}/fhir";

        var response = await _alice.GetAsync(url);
        var tag = response.Headers.ETag;
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.IfNoneMatch.Add(tag!);
        var notModified = await _alice.SendAsync(revalidate);
        var otherTag = (await _alice.GetAsync($"/api/v1/assessments/{other.Id}/fhir")).Headers.ETag;

        Assert.NotNull(tag);
        Assert.False(tag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, notModified.Headers.ETag);
        Assert.NotEqual(tag, otherTag);
        Assert.Contains("private", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Theory]
    [InlineData(null, "application/fhir+json")]
    [InlineData("application/fhir+json", "application/fhir+json")]
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", "application/fhir+json")]
    [InlineData("application/*", "application/fhir+json")]
    [InlineData("text/html, application/json;q=0.5", "application/json")]
    [InlineData("application/fhir+json;q=0.2, application/json", "application/json")]
    [InlineData("application/fhir+json;fhirVersion=4.0", "application/fhir+json")]
    public async Task What_Accept_offers_is_served(string? accept, string expected)
    {
        var assessment = await _alice.AssessAsync(Journeys.DiscAnswers());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/assessments/{assessment.Id}/fhir");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await _alice.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bundle", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["resourceType"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("application/fhir+xml")]
    [InlineData("text/html")]
    [InlineData("application/json;q=0, application/fhir+json;q=0")]
    [InlineData("application/xml, text/*")]
    public async Task Anything_else_is_a_406_problem_naming_what_is_offered(string accept)
    {
        var assessment = await _alice.AssessAsync(Journeys.DiscAnswers());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/assessments/{assessment.Id}/fhir");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await _alice.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("not_acceptable", problem["code"]!.GetValue<string>());
        Assert.Equal("urn:sciatica:error:not_acceptable", problem["type"]!.GetValue<string>());
        Assert.Equal(406, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()));
        Assert.Contains("application/fhir+json", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_else_reads_the_export()
    {
        var assessment = await _alice.AssessAsync(Journeys.DiscAnswers());
        using var bob = Fixture.Bearer(TestTokens.For("bob"));
        bob.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));

        var response = await bob.GetAsync($"/api/v1/assessments/{assessment.Id}/fhir");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static JsonObject WithoutOdi(JsonObject answers)
    {
        foreach (var code in answers.Select(a => a.Key).Where(k => k.StartsWith("odi_", StringComparison.Ordinal)).ToList())
        {
            answers.Remove(code);
        }

        return answers;
    }
}
