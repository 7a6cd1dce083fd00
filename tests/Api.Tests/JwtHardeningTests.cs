using System.Net;
using System.Net.Http.Headers;
using SciaticaService.Api.Security;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>Which bearer tokens the service takes (algorithm, expiry, lifetime) and which signing keys it starts with.</summary>
public class JwtHardeningTests(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<HttpStatusCode> MeAsync(string token, SciaticaApiFactory? factory = null)
    {
        using var client = (factory ?? Fixture.Factory).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/api/v1/me")).StatusCode;
    }

    [Fact]
    public async Task Only_HS256_is_accepted_with_signing_keys()
    {
        // A key long enough for every HMAC size, so that only the pin can refuse the larger ones.
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        await using var factory = new SciaticaApiFactory(Fixture.ConnectionString, new Dictionary<string, string?> { ["Authentication:Jwt:SigningKeys:1"] = key });

        Assert.Equal(HttpStatusCode.OK, await MeAsync(TestTokens.Custom("alice", key: key), factory));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(TestTokens.Custom("alice", key: key, algorithm: "HS384"), factory));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(TestTokens.Custom("alice", key: key, algorithm: "HS512"), factory));
    }

    [Fact]
    public async Task A_token_without_exp_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(TestTokens.Custom("alice", withExpiry: false)));
    }

    [Fact]
    public async Task A_token_claiming_more_than_the_maximum_lifetime_is_refused_by_iat_or_nbf()
    {
        var now = DateTime.UtcNow;

        Assert.Equal(HttpStatusCode.OK, await MeAsync(TestTokens.Custom("alice", issuedAt: now.AddHours(-23), notBefore: now.AddHours(-23), expires: now.AddMinutes(30))));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(TestTokens.Custom("alice", issuedAt: now.AddMinutes(-1), notBefore: now.AddMinutes(-1), expires: now.AddDays(2))));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(TestTokens.Custom("alice", issuedAt: now.AddMinutes(-1), notBefore: now.AddDays(-2), expires: now.AddMinutes(30))));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(TestTokens.Custom("alice", issuedAt: now.AddDays(300), notBefore: now.AddMinutes(-1), expires: now.AddDays(300.5))));
    }

    [Fact]
    public async Task A_token_without_iat_is_refused_while_a_maximum_lifetime_applies_and_taken_when_none_does()
    {
        var token = TestTokens.Custom("alice", withIssuedAt: false);
        await using var unbounded = new SciaticaApiFactory(Fixture.ConnectionString, new Dictionary<string, string?> { ["Authentication:Jwt:MaxTokenLifetime"] = "00:00:00" });

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(token, unbounded));
    }

    public static TheoryData<string> DevelopmentKeyWritings()
    {
        var key = JwtOptions.DevelopmentSigningKey;
        return new TheoryData<string>
        {
            key,
            $" {key} ",
            key.TrimEnd('='),
            key[..^3] + "R==", // the last character's unused bits set: a different string, the same bytes
            string.Join('\n', key.Chunk(16).Select(c => new string(c))),
        };
    }

    [Theory]
    [MemberData(nameof(DevelopmentKeyWritings))]
    public void The_development_key_is_refused_outside_Development_however_it_is_written(string written)
    {
        var exception = StartInProduction(written);

        Assert.Contains("development signing key", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c2hvcnQtYnV0LXZhbGlkLWtleQ==", "at least 32 bytes")] // "short-but-valid-key": 19 bytes
    [InlineData("not base64 at all!", "is not base64")]
    public void A_signing_key_that_is_too_short_or_unreadable_stops_start_up_with_a_clear_message(string key, string expected)
    {
        var exception = StartInProduction(key);

        Assert.Contains("Authentication:Jwt:SigningKeys:0", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_algorithm_outside_the_keys_family_stops_start_up()
    {
        using var factory = new SciaticaApiFactory(Fixture.ConnectionString, new Dictionary<string, string?> { ["Authentication:Jwt:Algorithms:0"] = "none" });

        var exception = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains("Authentication:Jwt:Algorithms", exception.Message, StringComparison.Ordinal);
    }

    private InvalidOperationException StartInProduction(string key)
    {
        using var production = new SciaticaApiFactory(
            Fixture.ConnectionString, new Dictionary<string, string?> { ["Authentication:Jwt:SigningKeys:0"] = key }, environment: "Production");
        return Assert.Throws<InvalidOperationException>(() => production.Server);
    }
}
