using System.Net;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>The Prometheus endpoint: absent unless configured, and then it carries request durations and the service's own metrics.</summary>
public class MetricsTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Metrics_are_not_served_by_default()
    {
        var response = await Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_when_configured_carry_request_durations_pool_circuit_and_rejections()
    {
        await using var factory = new SciaticaApiFactory(Fixture.ConnectionString, new Dictionary<string, string?>
        {
            ["Telemetry:Prometheus"] = "true",
            // Small enough that the burst below is refused in part.
            ["Limits:AnonymousPermitsPerMinute"] = "60",
        });
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/conditions")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.Contains("http_route=\"/api/v1/conditions\"", text);
        Assert.Contains("sciatica_rate_limit_rejections_total{", text);
        Assert.Contains("limit=\"rate_limit\"", text);
        Assert.Contains("sciatica_db_circuit_open", text);
        Assert.Contains("sciatica_feed_streams", text);
        Assert.Contains("db_client_connection_", text);
        // The scraper is never rate limited, however busy the address.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode);
    }
}
