using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>Limits on callers and requests, security headers and CORS, each against its own small configuration.</summary>
public class HardeningTests(ApiFixture fixture) : ApiTest(fixture)
{
    private SciaticaApiFactory Limited(params (string Key, string Value)[] settings) =>
        new(Fixture.ConnectionString, settings.ToDictionary(s => $"Limits:{s.Key}", s => (string?)s.Value));

    [Fact]
    public async Task Anonymous_callers_over_their_allowance_get_429_with_Retry_After()
    {
        await using var factory = Limited(("AnonymousPermitsPerMinute", "60"));
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 12; i++)
        {
            var response = await client.GetAsync("/api/v1/conditions");
            statuses.Add(response.StatusCode);
            rejected ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.NotNull(rejected);
        Assert.NotNull(rejected.Headers.RetryAfter);
        using var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync());
        Assert.Equal("rate_limited", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode); // probes are never limited
    }

    [Fact]
    public async Task Each_partner_has_its_own_allowance_and_gRPC_gets_ResourceExhausted()
    {
        await using var factory = Limited(("PartnerPermitsPerMinute", "60"));
        var a = await CreatePartnerAsync(factory, "A");
        var b = await CreatePartnerAsync(factory, "B");
        var content = new ContentService.ContentServiceClient(
            GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() }));

        RpcException? exhausted = null;
        for (var i = 0; i < 15 && exhausted is null; i++)
        {
            try
            {
                await content.ListConditionsAsync(new ListConditionsRequest(), new Metadata { { "x-api-key", a } });
            }
            catch (RpcException e)
            {
                exhausted = e;
            }
        }

        Assert.NotNull(exhausted);
        Assert.Equal(StatusCode.ResourceExhausted, exhausted.StatusCode);
        Assert.Equal("rate_limited", exhausted.Trailers.GetValue("error-code"));
        Assert.NotEmpty((await content.ListConditionsAsync(new ListConditionsRequest(), new Metadata { { "x-api-key", b } })).Conditions);
    }

    [Fact]
    public async Task The_admin_import_has_a_stricter_limit()
    {
        await using var factory = Limited(("ImportsPerMinute", "2"));
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("root", "admin"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await admin.PostAsync("/api/v1/admin/content/import?dryRun=true", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Oversized_bodies_are_413_and_wrong_content_types_415_as_problems()
    {
        await using var factory = Limited(("MaxRequestBodyBytes", "1000"));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("alice"));

        var big = await client.PostAsync("/api/v1/assessments",
            new StringContent("{\"answers\": {\"note\": \"" + new string('x', 5000) + "\"}}", Encoding.UTF8, "application/json"));
        var text = await client.PostAsync("/api/v1/assessments", new StringContent("answers=1", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal("application/problem+json", big.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal("application/problem+json", text.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/conditions")] // 200
    [InlineData("/api/v1/stretches/handstand")] // 404 from the exception handler, which clears headers
    [InlineData("/api/v1/stretches?bias=sideways")] // 400
    [InlineData("/api/v1/me")] // 401
    public async Task Every_response_carries_security_headers_errors_included(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Swagger_UI_keeps_the_headers_but_not_the_deny_all_policy_it_could_not_run_under()
    {
        var response = await Client.GetAsync("/swagger/index.html");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task CORS_allows_the_configured_web_origin_only()
    {
        await using var factory = new SciaticaApiFactory(Fixture.ConnectionString, new Dictionary<string, string?> { ["Limits:CorsOrigins:0"] = "https://app.example" });
        using var client = factory.CreateClient();

        async Task<string?> AllowedOriginFor(string origin)
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/conditions");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "GET");
            var response = await client.SendAsync(preflight);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }

        Assert.Equal("https://app.example", await AllowedOriginFor("https://app.example"));
        Assert.Null(await AllowedOriginFor("https://evil.example"));
    }

    private static async Task<string> CreatePartnerAsync(SciaticaApiFactory factory, string name)
    {
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("root", "admin"));
        var response = await admin.PostAsync("/api/v1/admin/partners", new StringContent($$"""{"name": "{{name}}"}""", Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("apiKey").GetString()!;
    }
}
