using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Net.Client;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>
/// Refused credentials are throttled per credential and per client address (the forwarded one behind a configured
/// proxy); a valid credential is never stopped by anyone else's failures, and random keys buy no fresh budget.
/// </summary>
public class CredentialThrottleTests(ApiFixture fixture) : ApiTest(fixture)
{
    private SciaticaApiFactory Limited(params (string Key, string Value)[] settings) =>
        new(Fixture.ConnectionString, settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    private static async Task<HttpStatusCode> MeAsync(HttpClient client, string peer, (string Name, string Value)? credential, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add(TestPeerAddress.Header, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (credential is { } c)
        {
            request.Headers.TryAddWithoutValidation(c.Name, c.Value);
        }

        return (await client.SendAsync(request)).StatusCode;
    }

    private static (string, string) Bearer(string token) => ("Authorization", $"Bearer {token}");

    private static (string, string) Key(string key) => ("x-api-key", key);

    private static string RandomKey() =>
        $"sck_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    [Fact]
    public async Task Failures_from_a_shared_address_never_stop_a_valid_user_or_partner_there()
    {
        await using var factory = Limited(("Limits:AuthenticationFailuresPerMinute", "3"), ("Limits:AuthenticationFailuresPerAddressPerMinute", "5"));
        var partner = await CreatePartnerKeyAsync(factory);
        using var client = factory.CreateClient();
        const string nat = "198.51.100.7";

        var attacker = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            attacker.Add(await MeAsync(client, nat, Bearer(TestTokens.SignedByWrongKey($"mallory-{i}"))));
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], attacker);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, nat, Bearer(TestTokens.For("alice"))));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, nat, Key(partner)));
        Assert.Equal(HttpStatusCode.TooManyRequests, await MeAsync(client, nat, Key(RandomKey()))); // random keys too
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, "198.51.100.8", Bearer(TestTokens.SignedByWrongKey("mallory")))); // another address
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/conditions")).StatusCode); // public reads go on
    }

    [Fact]
    public async Task A_credential_refused_too_often_is_stopped_from_every_address()
    {
        await using var factory = Limited(("Limits:AuthenticationFailuresPerMinute", "3"));
        using var client = factory.CreateClient();
        var stolen = TestTokens.Expired("alice");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add(await MeAsync(client, $"203.0.113.{i + 1}", Bearer(stolen)));
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, "203.0.113.1", Bearer(TestTokens.For("alice"))));
    }

    [Fact]
    public async Task Random_keys_share_their_address_allowance_and_a_valid_user_there_keeps_its_own()
    {
        await using var factory = Limited(("Limits:AnonymousPermitsPerMinute", "60")); // a burst of 6
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add(await MeAsync(client, "198.51.100.9", Key(RandomKey())));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, "198.51.100.9", Bearer(TestTokens.For("alice"))));
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_budget()
    {
        await using var factory = Limited(("Limits:AuthenticationFailuresPerAddressPerMinute", "3"), ("Proxy:KnownProxies:0", "10.0.0.1"));
        using var client = factory.CreateClient();
        var bad = Bearer(TestTokens.SignedByWrongKey("mallory"));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, "10.0.0.1", Bearer(TestTokens.SignedByWrongKey($"m{i}")), "203.0.113.5"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await MeAsync(client, "10.0.0.1", bad, "203.0.113.5"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, "10.0.0.1", bad, "203.0.113.6"));

        // A peer that is not a known proxy cannot choose its address with the header.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, "10.0.0.9", Bearer(TestTokens.SignedByWrongKey($"n{i}")), $"203.0.113.{20 + i}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await MeAsync(client, "10.0.0.9", bad, "203.0.113.99"));
    }

    [Fact]
    public async Task Without_configured_proxies_nobodys_forwarded_header_is_believed()
    {
        await using var factory = Limited(("Limits:AuthenticationFailuresPerAddressPerMinute", "3"));
        using var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, "127.0.0.1", Bearer(TestTokens.SignedByWrongKey($"m{i}")), $"203.0.113.{i + 1}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await MeAsync(client, "127.0.0.1", Bearer(TestTokens.SignedByWrongKey("m")), "203.0.113.50"));
    }

    [Fact]
    public void A_proxy_address_that_does_not_parse_stops_start_up()
    {
        using var factory = Limited(("Proxy:KnownNetworks:0", "10.0.0.0/99"));

        var exception = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains("Proxy:KnownNetworks:0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_gRPC_a_throttled_credential_gets_ResourceExhausted()
    {
        await using var factory = Limited(("Limits:AuthenticationFailuresPerMinute", "2"));
        var identity = new IdentityService.IdentityServiceClient(
            GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() }));
        var key = RandomKey();

        var statuses = new List<StatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var call = identity.WhoAmIAsync(new WhoAmIRequest(), new Metadata { { "x-api-key", key } });
            statuses.Add((await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync)).StatusCode);
        }

        Assert.Equal([StatusCode.Unauthenticated, StatusCode.Unauthenticated, StatusCode.ResourceExhausted], statuses);
    }

    private static async Task<string> CreatePartnerKeyAsync(SciaticaApiFactory factory)
    {
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("root", "admin"));
        var response = await admin.PostAsync("/api/v1/admin/partners", new StringContent("""{"name": "Clinic"}""", System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("apiKey").GetString()!;
    }
}
