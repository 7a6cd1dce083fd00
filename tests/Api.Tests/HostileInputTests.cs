using System.Net;
using System.Net.Http.Json;
using System.Text;
using SciaticaService.Api.Identity;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>Inputs a careless or hostile caller might send, found in review; each once gave a wrong answer or a 500.</summary>
public class HostileInputTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_bearer_token_carrying_a_partner_id_claim_is_still_just_a_user()
    {
        var partner = await Fixture.CreatePartnerAsync("Clinic A");
        using var client = Fixture.Bearer(TestTokens.WithClaims(("sub", "mallory"), ("partner_id", partner.Partner.Id.ToString())));
        client.DefaultRequestHeaders.Add("x-member-id", "123");

        var me = await client.GetFromJsonAsync<CallerResponse>("/api/v1/me");

        Assert.Equal(("user", "user:mallory"), (me!.Kind, me.PersonId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bad\u0000subject")]
    [InlineData("much-too-long-subject-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789")]
    public async Task A_token_whose_subject_cannot_name_a_person_is_refused(string? subject)
    {
        using var client = Fixture.Bearer(subject is null ? TestTokens.WithClaims(("name", "nobody")) : TestTokens.WithClaims(("sub", subject)));

        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_repeated_field_cannot_hide_a_red_flag()
    {
        using var client = Fixture.Bearer(TestTokens.For("alice"));
        var body = """{"answers": {"saddle_numbness": true, "saddle_numbness": false}}""";

        var response = await client.PostAsync("/api/v1/assessments", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Errors_about_the_body_name_the_path_and_no_internal_type()
    {
        using var client = Fixture.Bearer(TestTokens.For("alice"));

        var response = await client.PostAsync("/api/v1/assessments", new StringContent("""{"answers": {}, "foo": 1}""", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.foo", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SciaticaService", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"questionnaire": {"title": "t", "introduction": "i", "causePriors": {}, "imbalancePriors": {}, "sections": [null]}}""")]
    [InlineData("""{"questionnaire": {"title": "t", "introduction": "i", "causePriors": {}, "imbalancePriors": {}, "sections": [{"code": "a", "title": "A", "items": [null]}]}}""")]
    [InlineData("""{"questionnaire": {"title": "t", "introduction": "i", "causePriors": {}, "imbalancePriors": {}, "sections": [{"code": "a", "title": "A", "items": [{"code": "x", "text": "X", "type": "choice", "required": false, "options": [null]}]}]}}""")]
    public async Task Nulls_inside_a_questionnaire_are_a_400_not_a_500(string document)
    {
        using var admin = Fixture.Admin();

        var response = await admin.PostAsync("/api/v1/admin/content/import?dryRun=true", new StringContent(document, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is null", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
