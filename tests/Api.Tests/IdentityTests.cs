using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using SciaticaService.Api.Admin;
using SciaticaService.Api.Identity;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

public class IdentityTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_user_token_identifies_the_user_by_its_sub()
    {
        var me = await GetMeAsync(Authorized(TestTokens.For("alice")));

        Assert.Equal(new CallerResponse("user", "alice", false, null, null, "user:alice"), me);
    }

    [Fact]
    public async Task An_admin_token_carries_the_admin_role()
    {
        var me = await GetMeAsync(Authorized(TestTokens.For("root", "admin")));

        Assert.True(me.IsAdmin);
    }

    [Fact]
    public async Task A_partner_key_acts_for_the_member_it_names_namespaced_by_partner()
    {
        var (partnerA, keyA) = await CreatePartnerAsync("Clinic A");
        var (partnerB, keyB) = await CreatePartnerAsync("Physio B");

        var memberOfA = await GetMeAsync(WithKey(keyA, "123"));
        var memberOfB = await GetMeAsync(WithKey(keyB, "123"));
        var userNamed123 = await GetMeAsync(Authorized(TestTokens.For("123")));

        Assert.Equal(partnerA.Id, memberOfA.PartnerId);
        Assert.Equal("123", memberOfA.MemberId);
        Assert.Equal(partnerB.Id, memberOfB.PartnerId);
        Assert.Equal(3, new[] { memberOfA.PersonId, memberOfB.PersonId, userNamed123.PersonId }.Distinct().Count());
        Assert.Null((await GetMeAsync(WithKey(keyA, memberId: null))).PersonId);
    }

    [Fact]
    public async Task The_api_key_is_shown_once_and_only_its_hash_is_stored()
    {
        var (partner, key) = await CreatePartnerAsync("Insurer C");

        var list = await AdminClient().GetStringAsync("/api/v1/admin/partners");

        Assert.Contains(partner.KeyPrefix, list, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        var audit = await AdminClient().GetStringAsync("/api/v1/admin/audit");
        Assert.DoesNotContain(key, audit, StringComparison.Ordinal);
        Assert.Contains("partner.created", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_and_the_revocation_is_audited()
    {
        var (partner, key) = await CreatePartnerAsync("Clinic D");
        Assert.Equal(HttpStatusCode.OK, (await WithKey(key, "m1").GetAsync("/api/v1/me")).StatusCode);

        var revoke = await AdminClient().PostAsync($"/api/v1/admin/partners/{partner.Id}/revoke", null);

        revoke.EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(key, "m1").GetAsync("/api/v1/me")).StatusCode);
        var audit = await AdminClient().GetFromJsonAsync<AuditPageResponse>($"/api/v1/admin/audit?target=partner:{partner.Id}");
        Assert.Equal(["partner.revoked", "partner.created"], audit!.Entries.Select(e => e.Action));
        Assert.All(audit.Entries, e => Assert.Equal("root", e.Actor));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\there")]
    public async Task A_malformed_member_id_is_a_400(string memberId)
    {
        var (_, key) = await CreatePartnerAsync("Clinic E");
        var client = WithKey(key, memberId: null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("x-member-id", memberId);

        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(memberId.Length == 0 ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unauthenticated_calls_get_a_401_problem_with_a_challenge()
    {
        var response = await Client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unauthenticated", json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Over_gRPC_WhoAmI_names_the_partner_member_from_the_request_field()
    {
        var (partner, key) = await CreatePartnerAsync("Platform F");
        var client = new IdentityService.IdentityServiceClient(Fixture.CreateGrpcChannel());

        var reply = await client.WhoAmIAsync(new WhoAmIRequest { MemberId = "m-42" }, new Metadata { { "x-api-key", key } });
        var denied = await Assert.ThrowsAsync<RpcException>(() => client.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);

        Assert.Equal(partner.Id.ToString(), reply.PartnerId);
        Assert.Equal("m-42", reply.MemberId);
        Assert.Equal(StatusCode.Unauthenticated, denied.StatusCode);
        Assert.Equal("unauthenticated", denied.Trailers.GetValue("error-code"));
    }

    private HttpClient AdminClient() => Authorized(TestTokens.For("root", "admin"));

    private HttpClient Authorized(string token)
    {
        var client = Fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private HttpClient WithKey(string key, string? memberId)
    {
        var client = Fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", key);
        if (memberId is not null)
        {
            client.DefaultRequestHeaders.Add("x-member-id", memberId);
        }

        return client;
    }

    private async Task<(PartnerResponse Partner, string Key)> CreatePartnerAsync(string name)
    {
        var response = await AdminClient().PostAsJsonAsync("/api/v1/admin/partners", new CreatePartnerRequest(name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<CreatedPartnerResponse>();
        return (created!.Partner, created.ApiKey);
    }

    private static async Task<CallerResponse> GetMeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/me");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CallerResponse>())!;
    }
}
