using System.Net;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>CORS for a web app, configured as the README shows: one line naming its origin.</summary>
public sealed class CorsTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string App = "https://app.example.com";

    private SciaticaApiFactory WithOrigins(string key, string value) =>
        new(Fixture.ConnectionString, new Dictionary<string, string?> { [key] = value });

    private static HttpRequestMessage Preflight(string origin, string method, string? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/assessments");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (headers is not null)
        {
            request.Headers.Add("Access-Control-Request-Headers", headers);
        }

        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Theory]
    [InlineData("Limits:CorsOrigins", App)] // Limits__CorsOrigins=https://app.example.com, the README's line
    [InlineData("Limits:CorsOrigins:0", App)] // Limits__CorsOrigins__0=..., the list form
    [InlineData("Limits:CorsOrigins", "https://other.example.org, https://app.example.com")]
    public async Task The_allowed_origin_gets_a_204_preflight_with_the_method_and_headers_it_asked_for(string key, string value)
    {
        await using var factory = WithOrigins(key, value);
        using var client = factory.CreateClient();

        using var preflight = Preflight(App, "POST", "authorization,content-type");
        var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(App, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods")!, StringComparison.Ordinal);
        var allowedHeaders = Header(response, "Access-Control-Allow-Headers")!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains("authorization", allowedHeaders, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("content-type", allowedHeaders, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_allowed_origin_can_read_responses_and_errors_and_their_ETag()
    {
        await using var factory = WithOrigins("Limits:CorsOrigins", App);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("Origin", App);

        var content = await client.GetAsync("/api/v1/conditions");
        var error = await client.GetAsync("/api/v1/me"); // 401: the app must be able to read the problem too

        Assert.Equal(App, Header(content, "Access-Control-Allow-Origin"));
        Assert.Contains("ETag", Header(content, "Access-Control-Expose-Headers")!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(App, Header(error, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Another_origin_gets_no_CORS_headers()
    {
        await using var factory = WithOrigins("Limits:CorsOrigins", App);
        using var client = factory.CreateClient();

        using var preflight = Preflight("https://evil.example.net", "POST", "authorization");
        var response = await client.SendAsync(preflight);
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/conditions");
        get.Headers.Add("Origin", "https://evil.example.net");
        var read = await client.SendAsync(get);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain(read.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Without_configuration_CORS_is_off_and_a_preflight_is_a_405()
    {
        using var preflight = Preflight(App, "POST");

        var response = await Client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("https://app.example.com/")]
    [InlineData("https://app.example.com/app")]
    [InlineData("*")]
    [InlineData("app.example.com")]
    public async Task An_origin_that_could_never_match_stops_start_up(string origin)
    {
        await using var factory = WithOrigins("Limits:CorsOrigins", origin);

        var exception = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains("is not a web origin", exception.Message, StringComparison.Ordinal);
    }
}
