using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaService.Api.Content;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Contracts.V1;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Api.Tests;

/// <summary>The catalogue in English, Spanish and German over REST and gRPC; stretch media; stored shapes and languages.</summary>
public class LanguageAndMediaTests(ApiFixture fixture) : ApiTest(fixture)
{
    private readonly ContentService.ContentServiceClient _grpc = new(fixture.CreateGrpcChannel());

    [Theory]
    [InlineData("/api/v1/conditions/herniated-disc")]
    [InlineData("/api/v1/imbalances/weak-deep-core")]
    [InlineData("/api/v1/stretches/prone-lying")]
    [InlineData("/api/v1/routine-templates/spinal-stenosis-starter")]
    [InlineData("/api/v1/conditions")]
    [InlineData("/api/v1/stretches?condition=spinal-stenosis")]
    [InlineData("/api/v1/questionnaire")]
    public async Task Every_catalogue_read_negotiates_its_language_with_an_ETag_and_a_304_per_language(string path)
    {
        var english = await GetAsync(path, "en-GB", null);
        var spanish = await GetAsync(path, "es-MX;q=0.9, fr", null);
        var german = await GetAsync(path, "de", null);
        var germanAgain = await GetAsync(path, "de-CH", german.Headers.ETag);
        var spanishTagInGerman = await GetAsync(path, "de", spanish.Headers.ETag);

        Assert.Equal([["en"], ["es"], ["de"]], new[] { english, spanish, german }.Select(r => r.Content.Headers.ContentLanguage.ToArray()));
        Assert.All(new[] { english, spanish, german, germanAgain }, r => Assert.Contains("Accept-Language", r.Headers.Vary));
        Assert.Equal(3, new[] { english, spanish, german }.Select(r => r.Headers.ETag!.Tag).Distinct().Count());
        Assert.Equal(HttpStatusCode.NotModified, germanAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, spanishTagInGerman.StatusCode);
    }

    [Fact]
    public async Task Codes_slugs_and_enum_values_stay_the_same_in_every_language_and_the_words_change()
    {
        var english = await ReadStretchAsync("prone-lying", "en");
        var german = await ReadStretchAsync("prone-lying", "de");

        Assert.Equal(english["slug"]!.ToJsonString(), german["slug"]!.ToJsonString());
        Assert.Equal(english["kind"]!.ToJsonString(), german["kind"]!.ToJsonString());
        Assert.Equal(english["sides"]!.ToJsonString(), german["sides"]!.ToJsonString());
        Assert.Equal(english["bias"]!.ToJsonString(), german["bias"]!.ToJsonString());
        Assert.Equal(english["indicatedFor"]!.ToJsonString(), german["indicatedFor"]!.ToJsonString());
        Assert.Equal(
            english["contraindications"]!.AsArray().Select(c => c!["condition"]!.GetValue<string>()),
            german["contraindications"]!.AsArray().Select(c => c!["condition"]!.GetValue<string>()));
        Assert.Equal("Bauchlage", german["name"]!.GetValue<string>());
        Assert.NotEqual(english["contraindications"]![0]!["reason"]!.GetValue<string>(), german["contraindications"]![0]!["reason"]!.GetValue<string>());
        Assert.Equal(english["instructions"]!.AsArray().Count, german["instructions"]!.AsArray().Count);
    }

    [Fact]
    public async Task Every_stretch_has_media_with_a_relative_url_and_alt_text_in_the_language_asked_for()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stretches");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));
        var stretches = await (await Client.SendAsync(request)).Content.ReadFromJsonAsync<List<StretchResponse>>();

        Assert.NotNull(stretches);
        Assert.All(stretches, s =>
        {
            Assert.NotEmpty(s.Media);
            Assert.All(s.Media, m =>
            {
                Assert.True(!m.Url.Contains(':', StringComparison.Ordinal) && !m.Url.StartsWith('/') && !m.Url.Contains("..", StringComparison.Ordinal), m.Url);
                Assert.Null(m.Href); // no Media:BaseUrl in the test configuration
                Assert.False(string.IsNullOrWhiteSpace(m.AltText));
                Assert.Equal(m.Kind == "image", m.DurationSeconds is null);
            });
        });
        Assert.Contains("«Tumbado boca abajo»", stretches.Single(s => s.Slug == "prone-lying").Media[0].AltText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_media_base_url_gives_each_media_its_full_url()
    {
        await using var factory = new SciaticaApiFactory(Fixture.ConnectionString, new Dictionary<string, string?> { ["Media:BaseUrl"] = "https://media.example.org/sciatica/" });
        using var client = factory.CreateClient();

        var stretch = await client.GetFromJsonAsync<StretchResponse>("/api/v1/stretches/prone-lying");

        Assert.Equal(new Uri("https://media.example.org/sciatica/" + stretch!.Media[0].Url), stretch.Media[0].Href);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("de-DE")]
    public async Task gRPC_serves_the_catalogue_in_the_same_language_as_REST(string acceptLanguage)
    {
        var rest = await ReadStretchAsync("supine-piriformis-stretch", acceptLanguage);
        var restCondition = await ReadAsync("/api/v1/conditions/spinal-stenosis", acceptLanguage);
        var metadata = new Metadata { { "accept-language", acceptLanguage } };

        var call = _grpc.GetStretchAsync(new GetStretchRequest { Slug = "supine-piriformis-stretch" }, metadata);
        var grpc = await call.ResponseAsync;
        var condition = await _grpc.GetConditionAsync(new GetConditionRequest { Slug = "spinal-stenosis" }, metadata);

        Assert.Equal(acceptLanguage[..2], (await call.ResponseHeadersAsync).GetValue("x-content-language"));
        Assert.Equal(rest["name"]!.GetValue<string>(), grpc.Name);
        Assert.Equal(rest["instructions"]!.AsArray().Select(i => i!.GetValue<string>()), grpc.Instructions);
        Assert.Equal(rest["precautions"]!.AsArray().Select(p => p!["reason"]!.GetValue<string>()), grpc.Precautions.Select(p => p.Reason));
        Assert.Equal(rest["media"]!.AsArray().Select(m => m!["altText"]!.GetValue<string>()), grpc.Media.Select(m => m.AltText));
        Assert.Equal(restCondition["name"]!.GetValue<string>(), condition.Name);
    }

    [Fact]
    public async Task The_questionnaire_comes_in_the_language_asked_for_over_REST_and_gRPC_with_the_same_codes()
    {
        var english = await ReadAsync("/api/v1/questionnaire", "en");
        var spanish = await ReadAsync("/api/v1/questionnaire", "es-ES");
        var metadata = new Metadata { { "accept-language", "es-ES" } };
        var call = new Contracts.V1.AssessmentService.AssessmentServiceClient(Fixture.CreateGrpcChannel())
            .GetQuestionnaireAsync(new Contracts.V1.GetQuestionnaireRequest(), metadata);
        var grpc = await call.ResponseAsync;

        static IEnumerable<string> Codes(JsonNode q) => q["sections"]!.AsArray().SelectMany(s => s!["items"]!.AsArray()
            .Select(i => $"{s["code"]}/{i!["code"]}/{i["type"]}/{string.Join(",", (i["options"]?.AsArray() ?? []).Select(o => o!["code"]!.GetValue<string>()))}"));
        static IEnumerable<string?> Texts(JsonNode q) => q["sections"]!.AsArray().SelectMany(s => s!["items"]!.AsArray()
            .SelectMany(i => new[] { i!["text"]!.GetValue<string>(), i["help"]?.GetValue<string>() }
                .Concat((i["options"]?.AsArray() ?? []).Select(o => o!["label"]!.GetValue<string>()))));

        Assert.Equal(Codes(english), Codes(spanish));
        Assert.Equal(english["version"]!.GetValue<int>(), spanish["version"]!.GetValue<int>());
        Assert.Equal(english["causePriors"]!.ToJsonString(), spanish["causePriors"]!.ToJsonString());
        Assert.Equal("Autoevaluación de la ciática", spanish["title"]!.GetValue<string>());
        Assert.Equal("Primero, la seguridad", spanish["sections"]![0]!["title"]!.GetValue<string>());
        Assert.NotEqual(Texts(english), Texts(spanish));
        Assert.Equal("es", (await call.ResponseHeadersAsync).GetValue("x-content-language"));
        Assert.Equal(spanish["title"]!.GetValue<string>(), grpc.Title);
        Assert.Equal(Texts(spanish), grpc.Sections.SelectMany(s => s.Items)
            .SelectMany(i => new[] { i.Text, i.Help.Length == 0 ? null : i.Help }.Concat(i.Options.Select(o => o.Label))));
    }

    [Fact]
    public async Task An_import_of_a_questionnaire_without_every_language_is_refused()
    {
        using var admin = Fixture.Admin();
        var document = JsonNode.Parse(await admin.GetStringAsync("/api/v1/admin/content"))!;
        document["questionnaire"]!["translations"]!.AsObject().Remove("de");
        document["questionnaire"]!["translations"]!["es"]!["items"]!.AsObject().Remove("saddle_numbness");

        var import = await admin.PostAsync("/api/v1/admin/content/import?dryRun=true", new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var body = await import.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Contains("translations.de", body, StringComparison.Ordinal);
        Assert.Contains("translations.es.items.saddle_numbness", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_content_lacks_no_language_and_the_report_shows_a_draft_that_does()
    {
        using var admin = Fixture.Admin();
        var complete = await admin.GetFromJsonAsync<TranslationReport>("/api/v1/admin/content/translations");
        var draft = JsonNode.Parse(await admin.GetStringAsync("/api/v1/admin/lessons/what-is-sciatica"))!;
        draft["slug"] = "untranslated";
        draft["status"] = "draft";
        draft["translations"]!.AsObject().Remove("de");
        (await admin.PostAsync("/api/v1/admin/lessons", new StringContent(draft.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var report = await admin.GetFromJsonAsync<TranslationReport>("/api/v1/admin/content/translations");

        Assert.All(complete!.Missing, language => Assert.Empty(language.Value));
        Assert.Equal(["lesson:untranslated"], report!.Missing["de"]);
        Assert.Empty(report.Missing["es"]);
    }

    [Fact]
    public async Task Rows_in_the_first_stored_shapes_read_back()
    {
        // Written as version 1 of each shape is laid out, not through today's writer, so a change to the writer
        // that would strand stored rows fails here.
        const string translations = """{"v": 1, "texts": {"es": {"name": "Nombre", "summary": "Resumen"}}}""";
        const string media = """{"v": 1, "media": [{"kind": "video", "url": "a/b.mp4", "width": 640, "height": 360, "durationSeconds": 12, "altText": {"en": "A", "es": "B", "de": "C"}}]}""";
        const string texts = """{"v": 1, "texts": {"en": {"title": "T", "summary": "S", "body": ["B"]}, "de": {"title": "DT", "summary": "DS", "body": ["DB"]}}}""";
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SciaticaDbContext>();
        await db.Database.ExecuteSqlAsync($"UPDATE routine_templates SET translations = {translations}::jsonb WHERE slug = 'spinal-stenosis-starter'");
        await db.Database.ExecuteSqlAsync($"UPDATE stretches SET media = {media}::jsonb WHERE slug = 'prone-lying'");
        await db.Database.ExecuteSqlAsync($"UPDATE lessons SET texts = {texts}::jsonb WHERE slug = 'what-is-sciatica'");

        var template = await db.RoutineTemplates.AsNoTracking().SingleAsync(t => t.Slug == "spinal-stenosis-starter");
        var stretch = await db.Stretches.AsNoTracking().SingleAsync(s => s.Slug == "prone-lying");
        var lesson = await db.Lessons.AsNoTracking().SingleAsync(l => l.Slug == "what-is-sciatica");

        Assert.Equal("Nombre", template.Translations[Language.Es].Name);
        Assert.Equal((MediaKind.Video, "a/b.mp4", 12, "C"), (stretch.Media[0].Kind, stretch.Media[0].Url, stretch.Media[0].DurationSeconds, stretch.Media[0].AltText[Language.De]));
        Assert.Equal("DT", lesson.TextIn(Language.De).Title);
        Assert.Equal("T", lesson.TextIn(Language.Es).Title);
    }

    [Fact]
    public async Task An_assessment_reads_back_in_the_language_it_was_made_in_unless_another_is_asked_for()
    {
        using var alice = Fixture.Bearer(TestTokens.For("alice"));
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assessments")
        {
            Content = Journeys.Json(new JsonObject { ["answers"] = Journeys.DiscAnswers() }),
        };
        submit.Headers.TryAddWithoutValidation("Accept-Language", "es-AR");
        var made = await (await alice.SendAsync(submit)).Content.ReadFromJsonAsync<Assessments.AssessmentResponse>(TestJson.Options);

        var plain = await alice.GetAsync($"/api/v1/assessments/{made!.Id}");
        var inGerman = await alice.GetFromJsonAsync<Assessments.AssessmentResponse>($"/api/v1/assessments/{made.Id}?lang=de", TestJson.Options);
        var badLanguage = await alice.GetAsync($"/api/v1/assessments/{made.Id}?lang=klingon");
        var grpc = await new Contracts.V1.AssessmentService.AssessmentServiceClient(Fixture.CreateGrpcChannel()).GetAssessmentAsync(
            new Contracts.V1.GetAssessmentRequest { Id = made.Id.ToString() }, new Metadata { { "authorization", "Bearer " + TestTokens.For("alice") } });

        Assert.Equal(("es", "es"), (made.MadeIn, made.Language));
        Assert.Equal(["es"], plain.Content.Headers.ContentLanguage);
        var read = await plain.Content.ReadFromJsonAsync<Assessments.AssessmentResponse>(TestJson.Options);
        Assert.Equal(made.Lessons, read!.Lessons);
        Assert.Contains(read.Lessons, l => l.Title == "Hernia de disco o disco abultado");
        Assert.Equal(("de", "es"), (inGerman!.Language, inGerman.MadeIn));
        Assert.Contains(inGerman.Lessons, l => l.Title == "Bandscheibenvorfall oder Bandscheibenvorwölbung");
        Assert.Equal(HttpStatusCode.BadRequest, badLanguage.StatusCode);
        Assert.Equal(("es", "es"), (grpc.Language, grpc.MadeIn));
        Assert.Equal(read.Lessons.Select(l => l.Title), grpc.Lessons.Select(l => l.Title));
    }

    private async Task<JsonNode> ReadStretchAsync(string slug, string acceptLanguage) => await ReadAsync($"/api/v1/stretches/{slug}", acceptLanguage);

    private async Task<JsonNode> ReadAsync(string path, string acceptLanguage)
    {
        var response = await GetAsync(path, acceptLanguage, null);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

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
