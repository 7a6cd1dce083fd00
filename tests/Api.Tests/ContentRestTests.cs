using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SciaticaService.Api.Content;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

public class ContentRestTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] FourCauses = ["herniated-disc", "isthmic-spondylolisthesis", "piriformis-syndrome", "spinal-stenosis"];

    [Fact]
    public async Task Conditions_lists_the_four_causes()
    {
        var conditions = await Client.GetFromJsonAsync<List<ConditionResponse>>("/api/v1/conditions");

        Assert.Equal(FourCauses, conditions!.Select(c => c.Slug).Order(StringComparer.Ordinal));
        Assert.All(conditions!, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Summary));
            Assert.False(string.IsNullOrWhiteSpace(c.NerveCompression));
            Assert.NotEmpty(c.Signs);
        });
    }

    [Fact]
    public async Task A_condition_is_served_by_slug_in_camel_case_json()
    {
        var response = await Client.GetAsync("/api/v1/conditions/piriformis-syndrome");

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("piriformis-syndrome", json.RootElement.GetProperty("slug").GetString());
        Assert.True(json.RootElement.TryGetProperty("nerveCompression", out _));
        Assert.True(json.RootElement.TryGetProperty("typicallyAffects", out _));
    }

    [Theory]
    [InlineData("/api/v1/conditions/flu", "condition_not_found")]
    [InlineData("/api/v1/imbalances/flat-feet", "imbalance_not_found")]
    [InlineData("/api/v1/stretches/handstand", "stretch_not_found")]
    [InlineData("/api/v1/routine-templates/marathon", "routine_template_not_found")]
    [InlineData("/api/v1/stretches/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "stretch_not_found")]
    public async Task An_unknown_slug_is_a_404_problem_with_a_stable_code(string path, string code)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadProblemAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal($"urn:sciatica:error:{code}", problem.GetProperty("type").GetString());
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task Imbalances_each_come_with_a_self_check_and_the_conditions_they_feed()
    {
        var imbalances = await Client.GetFromJsonAsync<List<ImbalanceResponse>>("/api/v1/imbalances");

        Assert.True(imbalances!.Count >= 5);
        Assert.All(imbalances, i =>
        {
            Assert.NotEmpty(i.SelfCheck.Steps);
            Assert.False(string.IsNullOrWhiteSpace(i.SelfCheck.PositiveSign));
            Assert.All(i.FeedsConditions, c => Assert.Contains(c, FourCauses));
        });
        var first = await Client.GetFromJsonAsync<ImbalanceResponse>($"/api/v1/imbalances/{imbalances[0].Slug}");
        AssertSameJson(imbalances[0], first);
    }

    [Fact]
    public async Task Stretches_without_filters_are_all_of_them_gentlest_first()
    {
        var stretches = await Client.GetFromJsonAsync<List<StretchResponse>>("/api/v1/stretches");

        Assert.True(stretches!.Count >= 18);
        Assert.Equal(stretches.Select(s => s.Difficulty).Order(), stretches.Select(s => s.Difficulty));
    }

    [Theory]
    [InlineData("herniated-disc")]
    [InlineData("spinal-stenosis")]
    [InlineData("piriformis-syndrome")]
    [InlineData("isthmic-spondylolisthesis")]
    public async Task The_condition_filter_returns_only_stretches_indicated_for_it(string condition)
    {
        var all = await Client.GetFromJsonAsync<List<StretchResponse>>("/api/v1/stretches");
        var filtered = await Client.GetFromJsonAsync<List<StretchResponse>>($"/api/v1/stretches?condition={condition}");

        Assert.NotEmpty(filtered!);
        Assert.Equal(
            all!.Where(s => s.IndicatedFor.Contains(condition)).Select(s => s.Slug),
            filtered!.Select(s => s.Slug));
    }

    [Theory]
    [InlineData("herniated-disc")]
    [InlineData("spinal-stenosis")]
    [InlineData("isthmic-spondylolisthesis")]
    public async Task The_safeFor_filter_leaves_out_every_stretch_contraindicated_for_the_condition(string condition)
    {
        var all = await Client.GetFromJsonAsync<List<StretchResponse>>("/api/v1/stretches");
        var safe = await Client.GetFromJsonAsync<List<StretchResponse>>($"/api/v1/stretches?safeFor={condition}");

        Assert.Contains(all!, s => s.Contraindications.Any(c => c.Condition == condition));
        Assert.Equal(
            all!.Where(s => s.Contraindications.All(c => c.Condition != condition)).Select(s => s.Slug),
            safe!.Select(s => s.Slug));
    }

    [Fact]
    public async Task Muscle_bias_and_difficulty_filters_combine()
    {
        var all = await Client.GetFromJsonAsync<List<StretchResponse>>("/api/v1/stretches");
        var filtered = await Client.GetFromJsonAsync<List<StretchResponse>>("/api/v1/stretches?muscle=hamstrings&bias=flexion&maxDifficulty=2");
        var extension = await Client.GetFromJsonAsync<List<StretchResponse>>("/api/v1/stretches?bias=extension&condition=herniated-disc");

        Assert.Equal(
            all!.Where(s => s.TargetMuscles.Contains("hamstrings") && s.Bias == "flexion" && s.Difficulty <= 2).Select(s => s.Slug),
            filtered!.Select(s => s.Slug));
        Assert.NotEmpty(extension!);
        Assert.All(extension!, s => Assert.Equal("extension", s.Bias));
    }

    [Fact]
    public async Task Bad_filter_values_are_a_400_problem_naming_each_parameter()
    {
        var response = await Client.GetAsync("/api/v1/stretches?condition=flu&bias=sideways&maxDifficulty=seven&muscle=heart&safeFor=cold");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        Assert.Equal("invalid_filter", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["bias", "condition", "maxDifficulty", "muscle", "safeFor"], errors);
    }

    [Fact]
    public async Task A_huge_filter_value_is_refused_without_echoing_it_back()
    {
        var huge = new string('a', 4000);

        var response = await Client.GetAsync($"/api/v1/stretches?muscle={huge}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(huge, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stretch_is_served_by_slug_with_its_contraindications_and_variants()
    {
        var all = await Client.GetFromJsonAsync<List<StretchResponse>>("/api/v1/stretches");
        var withVariant = all!.First(s => s.HarderVariant is not null && s.Contraindications.Count > 0);

        var stretch = await Client.GetFromJsonAsync<StretchResponse>($"/api/v1/stretches/{withVariant.Slug}");

        AssertSameJson(withVariant, stretch);
        Assert.Contains(all!, s => s.Slug == stretch!.HarderVariant);
    }

    [Fact]
    public async Task Routine_templates_exist_for_each_condition_and_never_contain_a_contraindicated_stretch()
    {
        var stretches = (await Client.GetFromJsonAsync<List<StretchResponse>>("/api/v1/stretches"))!.ToDictionary(s => s.Slug);
        var templates = await Client.GetFromJsonAsync<List<RoutineTemplateResponse>>("/api/v1/routine-templates");

        Assert.Equal(FourCauses, templates!.Select(t => t.Condition).Distinct().Order(StringComparer.Ordinal));
        foreach (var template in templates!)
        {
            Assert.Equal(Enumerable.Range(1, template.Items.Count), template.Items.Select(i => i.Position));
            Assert.All(template.Items, item =>
                Assert.DoesNotContain(stretches[item.Stretch].Contraindications, c => c.Condition == template.Condition));
        }

        var one = await Client.GetFromJsonAsync<RoutineTemplateResponse>($"/api/v1/routine-templates/{templates[0].Slug}");
        AssertSameJson(templates[0], one);
        var forDisc = await Client.GetFromJsonAsync<List<RoutineTemplateResponse>>("/api/v1/routine-templates?condition=herniated-disc");
        Assert.All(forDisc!, t => Assert.Equal("herniated-disc", t.Condition));
        Assert.NotEmpty(forDisc!);
    }

    [Fact]
    public async Task An_unknown_template_condition_filter_is_a_400_naming_it()
    {
        var response = await Client.GetAsync("/api/v1/routine-templates?condition=gout");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadProblemAsync(response)).GetProperty("errors").TryGetProperty("condition", out _));
    }

    [Theory]
    [InlineData("/api/v1/conditions")]
    [InlineData("/api/v1/conditions/herniated-disc")]
    [InlineData("/api/v1/imbalances")]
    [InlineData("/api/v1/stretches?condition=spinal-stenosis")]
    [InlineData("/api/v1/routine-templates")]
    public async Task A_matching_If_None_Match_gets_a_bodiless_304(string path)
    {
        var first = await Client.GetAsync(path);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag!.IsWeak);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
        revalidate.Headers.IfNoneMatch.Add(etag);
        var second = await Client.SendAsync(revalidate);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);
    }

    [Fact]
    public async Task A_stale_If_None_Match_gets_the_full_body_and_different_resources_have_different_tags()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/conditions");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        var response = await Client.SendAsync(request);
        var other = await Client.GetAsync("/api/v1/conditions/herniated-disc");
        var filtered = await Client.GetAsync("/api/v1/stretches?bias=flexion");
        var unfiltered = await Client.GetAsync("/api/v1/stretches");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(response.Headers.ETag, other.Headers.ETag);
        Assert.NotEqual(filtered.Headers.ETag, unfiltered.Headers.ETag);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await Client.GetAsync("/api/v1/horoscopes");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Writes_to_content_are_not_allowed_on_the_public_endpoints()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/conditions", new { slug = "flu" });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(4, (await Client.GetFromJsonAsync<List<ConditionResponse>>("/api/v1/conditions"))!.Count);
    }

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    // Records with list members compare by reference; compare what a client sees instead.
    private static void AssertSameJson<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}
