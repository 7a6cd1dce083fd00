using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grpc.Core;
using SciaticaService.Api.Content;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Contracts.V1;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

public class LessonTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Required =
    [
        "what-is-sciatica", "herniated-disc", "piriformis-syndrome", "spinal-stenosis", "isthmic-spondylolisthesis",
        "muscle-imbalances", "why-these-stretches", "pacing-and-flare-ups", "when-to-get-help-now",
    ];

    private readonly ContentService.ContentServiceClient _grpc = new(fixture.CreateGrpcChannel());

    [Fact]
    public async Task The_shipped_lessons_cover_sciatica_each_cause_imbalances_stretches_pacing_and_getting_help_in_order()
    {
        var lessons = await Client.GetFromJsonAsync<List<LessonResponse>>("/api/v1/lessons");

        Assert.NotNull(lessons);
        Assert.Equal(Required, lessons.Select(l => l.Slug));
        Assert.Equal(lessons.Select(l => l.Position).Order(), lessons.Select(l => l.Position));
        Assert.All(lessons, l => Assert.NotEmpty(l.Body));
    }

    [Theory]
    [InlineData(null, "en", "What sciatica is")]
    [InlineData("es", "es", "Qué es la ciática")]
    [InlineData("es-MX", "es", "Qué es la ciática")]
    [InlineData("de-AT, en;q=0.5", "de", "Was Ischias ist")]
    [InlineData("fr, es;q=0.3, de;q=0.6", "de", "Was Ischias ist")]
    [InlineData("fr", "en", "What sciatica is")]
    [InlineData("es;q=0", "en", "What sciatica is")]
    public async Task A_lesson_comes_in_the_negotiated_language_and_says_so(string? acceptLanguage, string language, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/lessons/what-is-sciatica");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await Client.SendAsync(request);

        response.EnsureSuccessStatusCode();
        Assert.Equal([language], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        var lesson = await response.Content.ReadFromJsonAsync<LessonResponse>();
        Assert.Equal(title, lesson!.Title);
        Assert.Equal("what-is-sciatica", lesson.Slug);
    }

    [Fact]
    public async Task Each_language_has_its_own_ETag_and_a_304_only_for_its_own()
    {
        var english = await GetAsync("/api/v1/lessons", "en", null);
        var spanish = await GetAsync("/api/v1/lessons", "es", null);
        var german = await GetAsync("/api/v1/lessons", "de", null);
        var spanishAgain = await GetAsync("/api/v1/lessons", "es-MX", spanish.Headers.ETag);
        var englishTagInSpanish = await GetAsync("/api/v1/lessons", "es", english.Headers.ETag);

        Assert.Equal(3, new[] { english, spanish, german }.Select(r => r.Headers.ETag!.Tag).Distinct().Count());
        Assert.Equal(HttpStatusCode.NotModified, spanishAgain.StatusCode);
        Assert.Contains("Accept-Language", spanishAgain.Headers.Vary);
        Assert.Equal(HttpStatusCode.OK, englishTagInSpanish.StatusCode);
        Assert.Equal(spanish.Headers.ETag, englishTagInSpanish.Headers.ETag);
    }

    [Fact]
    public async Task Lessons_filter_by_condition_and_refuse_an_unknown_one()
    {
        var stenosis = await Client.GetFromJsonAsync<List<LessonResponse>>("/api/v1/lessons?condition=spinal-stenosis");
        var unknown = await Client.GetAsync("/api/v1/lessons?condition=flu");
        var missing = await Client.GetAsync("/api/v1/lessons/astrology");

        Assert.Equal(["spinal-stenosis", "muscle-imbalances"], stenosis!.Select(l => l.Slug));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("invalid_filter", (await ReadProblemAsync(unknown)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("lesson_not_found", (await ReadProblemAsync(missing)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es-ES")]
    [InlineData("de")]
    public async Task gRPC_gives_what_REST_gives_in_the_same_language(string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/lessons");
        request.Headers.AcceptLanguage.Add(StringWithQualityHeaderValue.Parse(acceptLanguage));
        var rest = await (await Client.SendAsync(request)).Content.ReadFromJsonAsync<List<LessonResponse>>();

        var call = _grpc.ListLessonsAsync(new ListLessonsRequest(), new Metadata { { "accept-language", acceptLanguage } });
        var grpc = await call.ResponseAsync;
        var one = await _grpc.GetLessonAsync(new GetLessonRequest { Slug = "spinal-stenosis" }, new Metadata { { "accept-language", acceptLanguage } });

        Assert.Equal(acceptLanguage[..2], (await call.ResponseHeadersAsync).GetValue("x-content-language"));
        Assert.NotNull(rest);
        Assert.Equal(rest.Select(l => (l.Slug, l.Title, l.Summary, string.Join("\n", l.Body))), grpc.Lessons.Select(l => (l.Slug, l.Title, l.Summary, string.Join("\n", l.Body))));
        Assert.Equal(rest.Single(l => l.Slug == "spinal-stenosis").Title, one.Title);
        var notFound = await Assert.ThrowsAsync<RpcException>(() => _grpc.GetLessonAsync(new GetLessonRequest { Slug = "astrology" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task An_assessment_result_links_the_lessons_for_its_likely_cause_in_the_language_asked_for()
    {
        using var alice = Fixture.Bearer(TestTokens.For("alice"));
        var assessment = await alice.AssessAsync(Journeys.DiscAnswers());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/assessments/{assessment.Id}");
        request.Headers.TryAddWithoutValidation("Accept-Language", "de-DE");
        var german = await alice.SendAsync(request);
        var read = await german.Content.ReadFromJsonAsync<Assessments.AssessmentResponse>(TestJson.Options);

        Assert.Contains(assessment.Lessons, l => l.Slug == "herniated-disc" && l.Title == "A bulging or herniated disc");
        Assert.Contains(assessment.Lessons, l => l.Slug == "why-these-stretches");
        Assert.DoesNotContain(assessment.Lessons, l => l.Slug == "when-to-get-help-now");
        Assert.Equal(["de"], german.Content.Headers.ContentLanguage);
        Assert.Contains(read!.Lessons, l => l.Slug == "herniated-disc" && l.Title == "Bandscheibenvorfall oder Bandscheibenvorwölbung");
        Assert.Equal(assessment.Lessons.Select(l => l.Slug), read.Lessons.Select(l => l.Slug));
    }

    [Fact]
    public async Task An_emergency_result_links_the_lesson_on_getting_help_over_REST_and_gRPC()
    {
        using var alice = Fixture.Bearer(TestTokens.For("alice"));
        var assessment = await alice.AssessAsync(Journeys.DiscAnswers(saddleNumbness: true));
        var client = new V1.AssessmentService.AssessmentServiceClient(Fixture.CreateGrpcChannel());
        var grpc = await client.GetAssessmentAsync(
            new V1.GetAssessmentRequest { Id = assessment.Id.ToString() },
            new Metadata { { "authorization", "Bearer " + TestTokens.For("alice") }, { "accept-language", "es" } });

        Assert.Equal("emergency", Domain.Content.WireName.Of(assessment.Triage.Level));
        Assert.Equal("when-to-get-help-now", assessment.Lessons[0].Slug);
        Assert.Equal(assessment.Lessons.Select(l => l.Slug), grpc.Lessons.Select(l => l.Slug));
        Assert.Equal("Cuándo pedir ayuda ya", grpc.Lessons[0].Title);
    }

    private static async Task<System.Text.Json.JsonElement> ReadProblemAsync(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private async Task<HttpResponseMessage> GetAsync(string path, string acceptLanguage, EntityTagHeaderValue? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await Client.SendAsync(request);
    }
}
